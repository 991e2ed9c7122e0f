// Whole views from one GraphQL question: "methods in family F beating X", and an overview of
// papers with what they propose, evaluate on, address and claim (for large views).
import { gql } from "/static/common/graphql.js";
import { claimEdge, plainEdge } from "/static/explorer/edges.js";

const REF = "id label name";
const CLAIM = "paper { id name } evidence on metric confidence";

const FAMILY_BEATS = `query FamilyBeats($family: String!, $beats: String!, $first: Int!) {
  family(name: $family) { ${REF} }
  loser: entity(name: $beats) { ${REF} }
  methods(filter: {family: $family, beats: $beats}, first: $first) {
    totalCount
    edges { node { ${REF} families { ${REF} } outperforms(loser: $beats) { loser { ${REF} } ${CLAIM} } } }
  }
}`;

/** Methods and models in `family` (or its subfamilies) with an OUTPERFORMS claim over `beats`. */
export async function familyBeats(family, beats, first = 100) {
  const data = await gql(FAMILY_BEATS, { family, beats, first });
  if (!data.family) throw new Error(`no family called “${family}”`);
  if (!data.loser) throw new Error(`no entity called “${beats}”`);
  const nodes = new Map([[data.family.id, data.family], [data.loser.id, data.loser]]);
  const edges = [];
  const methods = data.methods.edges.map((e) => e.node);
  for (const method of methods) {
    nodes.set(method.id, { id: method.id, label: method.label, name: method.name });
    for (const claim of method.outperforms) {
      if (claim.loser) nodes.set(claim.loser.id, claim.loser);
      edges.push(claimEdge("OUTPERFORMS", method.id, claim.loser ? claim.loser.id : data.loser.id, claim));
    }
    const direct = method.families.some((f) => f.id === data.family.id);
    edges.push(direct ? plainEdge("IS_A", method.id, data.family.id) : plainEdge("IN_FAMILY", method.id, data.family.id));
  }
  return { family: data.family, loser: data.loser, methods, total: data.methods.totalCount, nodes: [...nodes.values()], edges };
}

const OVERVIEW = `query Overview($first: Int!, $after: String) {
  papers(first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node {
      ${REF}
      proposes { ${REF} } evaluatesOn { ${REF} } addresses { ${REF} }
      claims { winner { ${REF} } loser { ${REF} } loserText evidence on metric confidence }
    } }
  }
}`;

/** Papers page by page with what they propose, evaluate on, address and claim, up to `maxNodes` nodes. */
export async function overview(maxNodes, onProgress = () => {}) {
  const nodes = new Map();
  const edges = new Map();
  const roles = { proposes: "PROPOSES", evaluatesOn: "EVALUATES_ON", addresses: "ADDRESSES" };
  const take = (ref) => {
    if (nodes.has(ref.id)) return true;
    if (nodes.size >= maxNodes) return false;
    nodes.set(ref.id, { id: ref.id, label: ref.label, name: ref.name });
    return true;
  };
  let after = null;
  let papers = 0;
  let total = 0;
  while (nodes.size < maxNodes) {
    const data = await gql(OVERVIEW, { first: 100, after });
    total = data.papers.totalCount;
    for (const { node: paper } of data.papers.edges) {
      if (!take(paper)) break;
      papers += 1;
      for (const [field, type] of Object.entries(roles)) {
        for (const entity of paper[field]) {
          if (take(entity)) edges.set(`${type}|${paper.id}|${entity.id}||`, plainEdge(type, paper.id, entity.id));
        }
      }
      for (const claim of paper.claims) {
        if (!claim.loser || !take(claim.winner) || !take(claim.loser)) continue;
        const edge = claimEdge("OUTPERFORMS", claim.winner.id, claim.loser.id, { ...claim, paper: { id: paper.id, name: paper.name } });
        edges.set(edge.id, edge);
      }
    }
    onProgress(nodes.size, papers, total);
    if (!data.papers.pageInfo.hasNextPage) break;
    after = data.papers.pageInfo.endCursor;
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()], papers, total };
}
