// GraphReads.neighbours: per node given as paper ids / entity keys / family keys, the graph ids
// of the nodes at the far end of its relationships of $types (all when null), leaving it when
// $out, entering it when $in; distinct, no properties (the caller sorts them).
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
  RETURN m
  UNION
  MATCH (n)<-[r]-(m)
  WHERE $in AND ($types IS NULL OR type(r) IN $types)
  RETURN m
}
RETURN id, collect(CASE WHEN m:Paper THEN 'Paper:' + m.id WHEN m:Family THEN 'Family:' + m.key ELSE 'Entity:' + m.key END) AS others
