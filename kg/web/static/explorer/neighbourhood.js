// A node's neighbourhood from the GraphQL API, as nodes and edges to draw. Node ids are the
// graph's own (Paper:…, Entity:…, Family:…), so views built from different queries join up.
import { gql } from "/static/common/graphql.js";
import { claimEdge, plainEdge } from "/static/explorer/edges.js";

/** How many papers per role a neighbourhood shows (the API caps pages at 100). */
export const PAPERS_PER_ROLE = 25;

const REF = "id label name";
const PAPER_REF = "id name";
const CLAIM = `loser { ${REF} } loserText generic paper { ${PAPER_REF} } evidence on metric confidence`;

// Paper → entity relationships, most specific first: MENTIONS is drawn only where no other role is.
const PAPER_ROLES = {
  proposedIn: "PROPOSES",
  evaluatedIn: "EVALUATES_ON",
  addressedIn: "ADDRESSES",
  reportedIn: "REPORTS",
  comparedIn: "COMPARES_WITH",
  mentionedIn: "MENTIONS",
};

const ENTITY_LINKS = `fragment Links on Entity {
  ${REF} aliases
  ${Object.entries(PAPER_ROLES).map(([alias, role]) => `${alias}: papers(role: ${role}, first: $first) { totalCount edges { node { ${REF} } } }`).join("\n  ")}
  ... on Technique {
    outperforms { ${CLAIM} }
    outperformedBy { winner { ${REF} } paper { ${PAPER_REF} } evidence on metric confidence }
    comparableTo { a { ${REF} } b { ${REF} } aspect paper { ${PAPER_REF} } evidence confidence }
    extends { base { ${REF} } paper { ${PAPER_REF} } evidence }
    extendedBy { extension { ${REF} } paper { ${PAPER_REF} } evidence }
    families { ${REF} }
  }
}`;

const ENTITY_QUERY = `query Neighbourhood($name: String!, $first: Int!) { entity(name: $name) { ...Links } }
${ENTITY_LINKS}`;

// By node id, for the rare entity its own key does not name (another entity's spelling wins):
// `connection` takes node ids, and a node's path to itself is that node.
const ENTITY_BY_ID_QUERY = `query NeighbourhoodById($id: String!, $first: Int!) {
  connection(from: $id, to: $id, maxHops: 1, first: 1) { nodes { ...Links } }
}
${ENTITY_LINKS}`;

const PAPER_QUERY = `query PaperNeighbourhood($id: ID!, $first: Int!) {
  paper(id: $id) {
    ${REF} title url published authors kind
    proposes { ${REF} } evaluatesOn { ${REF} } addresses { ${REF} } reports { ${REF} } comparesWith { ${REF} }
    mentions(first: $first) { totalCount edges { node { ${REF} } } }
    claims { winner { ${REF} } ${CLAIM} }
  }
}`;

const FAMILY_QUERY = `query FamilyNeighbourhood($name: String!, $first: Int!) {
  family(name: $name) {
    ${REF} aliases taxonomy
    subfamilies { ${REF} } parents { ${REF} }
    members(first: $first) {
      totalCount
      edges { node { ${REF} families { ${REF} } extends { base { ${REF} } paper { ${PAPER_REF} } evidence } } }
    }
  }
}`;

/** Collects nodes and edges once each. */
class Collector {
  constructor() {
    this.nodes = new Map();
    this.edges = new Map();
    this.notes = [];
  }
  node(ref) {
    if (ref && ref.id && !this.nodes.has(ref.id)) this.nodes.set(ref.id, { id: ref.id, label: ref.label, name: ref.name });
    return ref && ref.id;
  }
  edge(type, source, target, claim = null) {
    if (!source || !target) return;
    const edge = claim ? claimEdge(type, source, target, claim) : plainEdge(type, source, target);
    if (!this.edges.has(edge.id)) this.edges.set(edge.id, edge);
  }
  result(root) {
    return { root, nodes: [...this.nodes.values()], edges: [...this.edges.values()], notes: this.notes };
  }
}

function addClaims(c, claims, winnerOf, paperOf) {
  for (const claim of claims) {
    const winner = c.node(winnerOf(claim));
    if (claim.loser) c.edge("OUTPERFORMS", winner, c.node(claim.loser), claim);
    else if (paperOf(claim)) c.edge("OUTPERFORMS_GENERIC", winner, c.node({ ...paperOf(claim), label: "Paper" }), claim);
  }
}

function entityNeighbourhood(entity) {
  const c = new Collector();
  const root = c.node(entity);
  const specific = new Set();
  for (const [alias, type] of Object.entries(PAPER_ROLES)) {
    const page = entity[alias];
    if (!page) continue;
    for (const { node } of page.edges) {
      if (type === "MENTIONS" && specific.has(node.id)) continue;  // a paper's specific role says more than MENTIONS
      if (type !== "MENTIONS") specific.add(node.id);
      c.edge(type, c.node(node), root);
    }
    if (page.totalCount > page.edges.length) c.notes.push(`${type.toLowerCase().replace("_", " ")}: showing ${page.edges.length} of ${page.totalCount} papers`);
  }
  if (entity.outperforms) {
    addClaims(c, entity.outperforms, () => entity, (claim) => claim.paper);
    for (const claim of entity.outperformedBy) c.edge("OUTPERFORMS", c.node(claim.winner), root, claim);
    for (const claim of entity.comparableTo) c.edge("COMPARABLE_TO", c.node(claim.a), c.node(claim.b), claim);
    for (const ext of entity.extends) c.edge("EXTENDS", root, c.node(ext.base), ext);
    for (const ext of entity.extendedBy) c.edge("EXTENDS", c.node(ext.extension), root, ext);
    for (const family of entity.families) c.edge("IS_A", root, c.node(family));
  }
  return c.result(entity);
}

function paperNeighbourhood(paper) {
  const c = new Collector();
  const root = c.node(paper);
  const roles = { proposes: "PROPOSES", evaluatesOn: "EVALUATES_ON", addresses: "ADDRESSES", reports: "REPORTS", comparesWith: "COMPARES_WITH" };
  const specific = new Set();
  for (const [field, type] of Object.entries(roles)) {
    for (const entity of paper[field]) {
      specific.add(entity.id);
      c.edge(type, root, c.node(entity));
    }
  }
  for (const { node } of paper.mentions.edges) if (!specific.has(node.id)) c.edge("MENTIONS", root, c.node(node));
  if (paper.mentions.totalCount > paper.mentions.edges.length) c.notes.push(`mentions: showing ${paper.mentions.edges.length} of ${paper.mentions.totalCount}`);
  addClaims(c, paper.claims.map((claim) => ({ ...claim, paper: { id: paper.id, name: paper.name } })), (claim) => claim.winner, () => paper);
  return c.result(paper);
}

function familyNeighbourhood(family) {
  const c = new Collector();
  const root = c.node(family);
  const inView = new Set([family.id, ...family.subfamilies.map((f) => f.id)]);
  for (const sub of family.subfamilies) c.edge("SUBFAMILY_OF", c.node(sub), root);
  for (const parent of family.parents) c.edge("SUBFAMILY_OF", root, c.node(parent));
  const members = family.members.edges.map((e) => e.node);
  const memberIds = new Set(members.map((m) => m.id));
  for (const member of members) {
    const id = c.node(member);
    const direct = member.families.filter((f) => inView.has(f.id));
    for (const f of direct) c.edge("IS_A", id, c.node(f));
    const bases = member.extends.filter((ext) => memberIds.has(ext.base.id));
    for (const ext of bases) c.edge("EXTENDS", id, c.node(ext.base), ext);
    // a member through a deeper subfamily or through what it extends: say so without inventing an IS_A
    if (!direct.length && !bases.length) c.edge("IN_FAMILY", id, root);
  }
  if (family.members.totalCount > members.length) c.notes.push(`members: showing ${members.length} of ${family.members.totalCount}`);
  return c.result(family);
}

/** The neighbourhood of the node with graph id `id`: `{root, nodes, edges, notes}`, or null when it is gone. */
export async function neighbourhood(id, first = PAPERS_PER_ROLE) {
  const [prefix, ...rest] = id.split(":");
  const key = rest.join(":");
  if (prefix === "Paper") {
    const data = await gql(PAPER_QUERY, { id, first });
    return data.paper ? paperNeighbourhood(data.paper) : null;
  }
  if (prefix === "Family") {
    const data = await gql(FAMILY_QUERY, { name: key, first: Math.min(100, first * 4) });
    return data.family ? familyNeighbourhood(data.family) : null;
  }
  const data = await gql(ENTITY_QUERY, { name: key, first });
  if (data.entity && data.entity.id === id) return entityNeighbourhood(data.entity);
  const byId = await gql(ENTITY_BY_ID_QUERY, { id, first });
  const node = byId.connection.length ? byId.connection[0].nodes[0] : null;
  return node && node.id === id ? entityNeighbourhood(node) : null;
}

/** Resolve what a user typed to a node `{id, label, name}`: an entity by name or alias, else a family. */
export async function resolveName(text) {
  const data = await gql(`query Resolve($name: String!) { entity(name: $name) { ${REF} } family(name: $name) { ${REF} } }`, { name: text });
  return data.entity || data.family || null;
}
