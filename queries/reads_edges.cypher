// GraphReads.edges: the relationships of the nodes given as paper ids / entity keys / family
// keys, of $types (all when null): leaving them when $out, entering them when $in
// ($in_loops: also self-loops, which "both" already has from the leaving side).
CALL () {
  UNWIND $papers AS k MATCH (n:Paper {id: k}) RETURN n, 'Paper:' + k AS id
  UNION
  UNWIND $entities AS k MATCH (n:Entity {key: k}) RETURN n, 'Entity:' + k AS id
  UNION
  UNWIND $families AS k MATCH (n:Family {key: k}) RETURN n, 'Family:' + k AS id
}
CALL (n) {
  MATCH (n)-[r]->(m)
  WHERE $out AND ($types IS NULL OR type(r) IN $types)
  RETURN r, m, true AS leaving
  UNION ALL
  MATCH (n)<-[r]-(m)
  WHERE $in AND ($types IS NULL OR type(r) IN $types) AND ($in_loops OR m <> n)
  RETURN r, m, false AS leaving
}
RETURN id, leaving, type(r) AS type, properties(r) AS props,
       CASE WHEN m:Paper THEN 'Paper:' + m.id WHEN m:Family THEN 'Family:' + m.key ELSE 'Entity:' + m.key END AS other
