// GraphReads.member_pages: per family key, its members as reads_family_members.cypher finds
// them (technique entities in it or a subfamily, and whatever EXTENDS one, transitively): how
// many, and one page of them in NodeRecord.sort_key order [toLower(name), name, graph id]
// after the sort key $after (null: from the top), at most $first.
UNWIND $keys AS k
CALL (k) {
  MATCH (:Family {key: k})<-[:SUBFAMILY_OF*0..]-(g:Family)
  WITH DISTINCT g
  MATCH (x)-[:IS_A]->(g)
  WITH DISTINCT x
  MATCH (m)-[:EXTENDS*0..]->(x)
  WITH DISTINCT m
  WHERE m:Entity AND any(label IN labels(m) WHERE label IN $techniques)
  WITH m, CASE WHEN m.name <> '' THEN m.name WHEN m.title <> '' THEN m.title ELSE 'Entity:' + m.key END AS name
  WITH m, [toLower(name), name, 'Entity:' + m.key] AS sort ORDER BY sort[0], sort[1], sort[2]
  RETURN collect({m: m, sort: sort}) AS members
}
// (a full sort, then a slice: a Top operator would account the whole list to every row it keeps)
RETURN k AS key, size(members) AS total,
       [row IN [row IN members WHERE $after IS NULL OR row.sort > $after][0..$first] | {labels: labels(row.m), props: properties(row.m)}] AS page
