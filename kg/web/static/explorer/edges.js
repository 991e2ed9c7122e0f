// Edges as the explorer draws them. An edge's id is its type, ends, paper and a hash of its
// evidence, so the same claim reached from either end, or from another view, is drawn once.

const CLAIM_FIELDS = ["on", "metric", "confidence", "aspect", "loserText"];

function hash(text) {
  let h = 5381;
  for (let i = 0; i < text.length; i += 1) h = ((h << 5) + h + text.charCodeAt(i)) | 0;
  return (h >>> 0).toString(36);
}

/** A relationship without a paper or evidence (IS_A, MENTIONS, …). */
export function plainEdge(type, source, target) {
  return { id: `${type}|${source}|${target}||`, source, target, type };
}

/** A claim from `claim` (GraphQL Claim, Comparison or Extension): its paper, evidence and details. */
export function claimEdge(type, source, target, claim) {
  const paper = claim.paper ? { id: claim.paper.id, name: claim.paper.name } : null;
  const evidence = claim.evidence || "";
  const id = `${type}|${source}|${target}|${paper ? paper.id : ""}|${evidence ? hash(evidence) : ""}`;
  const edge = { id, source, target, type, paper, evidence };
  for (const key of CLAIM_FIELDS) {
    const value = claim[key];
    if (value !== undefined && value !== null && !(Array.isArray(value) && !value.length)) edge[key] = value;
  }
  return edge;
}
