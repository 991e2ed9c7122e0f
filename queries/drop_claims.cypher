// Delete every claim of the papers $papers: all relationships of their Paper nodes and the
// entity-to-entity claims whose `paper` is one of them (found through the *_paper indexes).
// Returns the entities and families that lost a relationship, to refresh and maybe prune.
UNWIND $papers AS pid
CALL (pid) {
  MATCH (:Paper {id: pid})-[r]-(x)
  RETURN r, x AS a, x AS b
  UNION
  MATCH (a)-[r:OUTPERFORMS {paper: pid}]->(b)
  RETURN r, a, b
  UNION
  MATCH (a)-[r:COMPARABLE_TO {paper: pid}]->(b)
  RETURN r, a, b
  UNION
  MATCH (a)-[r:EXTENDS {paper: pid}]->(b)
  RETURN r, a, b
  UNION
  MATCH (a)-[r:IS_A {paper: pid}]->(b)
  RETURN r, a, b
}
WITH collect(DISTINCT r) AS rels, collect(DISTINCT a) + collect(DISTINCT b) AS ends
FOREACH (r IN rels | DELETE r)
WITH ends
UNWIND ends AS n
WITH DISTINCT n
WHERE n:Entity OR n:Family
RETURN n.key AS key, n:Family AS family
