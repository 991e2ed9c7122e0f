// GraphReads.resolve: every entity or family a name may mean: the exact keys $keys
// (entity_key of each name), then anything whose key, name or alias has a match key in
// $targets; with how many MENTIONS point at it. The caller ranks them in Python.
CALL () {
  UNWIND $keys AS k MATCH (n:Entity {key: k}) RETURN n
  UNION
  UNWIND $keys AS k MATCH (n:Family {key: k}) RETURN n
  UNION
  MATCH (n:Entity)
  WHERE n.match_key IN $targets OR n.match_name IN $targets OR any(a IN n.match_aliases WHERE a IN $targets)
  RETURN n
  UNION
  MATCH (n:Family)
  WHERE n.match_key IN $targets OR n.match_name IN $targets OR any(a IN n.match_aliases WHERE a IN $targets)
  RETURN n
}
RETURN labels(n) AS labels, properties(n) AS props, COUNT { ()-[:MENTIONS]->(n) } AS mentions
