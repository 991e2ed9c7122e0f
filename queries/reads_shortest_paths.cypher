// GraphReads.shortest_paths: whether both ends exist, and every shortest path between them
// (directions ignored) of at most $max_hops relationships. Variable-length bounds cannot be
// parameters, so the pattern carries the API's ceiling (kg.api.limits.MAX_HOPS = 6) and
// length(p) <= $max_hops cuts it: all shortest paths share one length, so this keeps all or none.
OPTIONAL CALL () {
  MATCH (n:Paper {id: $source.paper}) RETURN n
  UNION
  MATCH (n:Entity {key: $source.entity}) RETURN n
  UNION
  MATCH (n:Family {key: $source.family}) RETURN n
}
WITH n AS a
OPTIONAL CALL () {
  MATCH (n:Paper {id: $target.paper}) RETURN n
  UNION
  MATCH (n:Entity {key: $target.entity}) RETURN n
  UNION
  MATCH (n:Family {key: $target.family}) RETURN n
}
WITH a, n AS b
CALL (a, b) {
  WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL AND a <> b AND $max_hops >= 1
  MATCH p = allShortestPaths((a)-[*..6]-(b))
  WHERE length(p) <= $max_hops
  RETURN collect([r IN relationships(p) | {
    type: type(r), props: properties(r),
    source: CASE WHEN startNode(r):Paper THEN 'Paper:' + startNode(r).id WHEN startNode(r):Family THEN 'Family:' + startNode(r).key ELSE 'Entity:' + startNode(r).key END,
    target: CASE WHEN endNode(r):Paper THEN 'Paper:' + endNode(r).id WHEN endNode(r):Family THEN 'Family:' + endNode(r).key ELSE 'Entity:' + endNode(r).key END
  }]) AS paths
}
RETURN a IS NOT NULL AS source_found, b IS NOT NULL AS target_found, paths
