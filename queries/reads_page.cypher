// GraphReads.list_nodes without text: one page of the nodes carrying one of $labels, in
// NodeRecord.sort_key order [toLower(name), name, graph id] after the sort key $after (null:
// from the top), at most $first of them, and how many there are in all. $seek: only the nodes
// given as paper ids / entity keys / family keys ($papers, $entities, $families, distinct),
// else every node of $labels (each label scanned only when asked for).
// Neo4j orders strings by code point, as Python does; toLower and str.lower agree but for a few
// letters newer than the server's Unicode tables (see kg.store.neo4j.reads).
CALL () {
  WITH 1 AS one WHERE $seek
  UNWIND $papers AS k MATCH (n:Paper {id: k}) RETURN n
  UNION ALL
  WITH 1 AS one WHERE $seek
  UNWIND $entities AS k MATCH (n:Entity {key: k}) RETURN n
  UNION ALL
  WITH 1 AS one WHERE $seek
  UNWIND $families AS k MATCH (n:Family {key: k}) RETURN n
  UNION ALL
  WITH 1 AS one WHERE NOT $seek AND 'Paper' IN $labels MATCH (n:Paper) RETURN n
  UNION ALL
  WITH 1 AS one WHERE NOT $seek AND 'Method' IN $labels MATCH (n:Method) RETURN n
  UNION ALL
  WITH 1 AS one WHERE NOT $seek AND 'Model' IN $labels MATCH (n:Model) RETURN n
  UNION ALL
  WITH 1 AS one WHERE NOT $seek AND 'Dataset' IN $labels MATCH (n:Dataset) RETURN n
  UNION ALL
  WITH 1 AS one WHERE NOT $seek AND 'Benchmark' IN $labels MATCH (n:Benchmark) RETURN n
  UNION ALL
  WITH 1 AS one WHERE NOT $seek AND 'Task' IN $labels MATCH (n:Task) RETURN n
  UNION ALL
  WITH 1 AS one WHERE NOT $seek AND 'Metric' IN $labels MATCH (n:Metric) RETURN n
  UNION ALL
  WITH 1 AS one WHERE NOT $seek AND 'Family' IN $labels MATCH (n:Family) RETURN n
}
WITH n WHERE any(l IN labels(n) WHERE l IN $labels)
WITH n, CASE WHEN n:Paper THEN 'Paper:' + n.id WHEN n:Family THEN 'Family:' + n.key ELSE 'Entity:' + n.key END AS id
WITH n, id, CASE WHEN n.name <> '' THEN n.name WHEN n.title <> '' THEN n.title ELSE id END AS name
WITH n, [toLower(name), name, id] AS sort ORDER BY sort[0], sort[1], sort[2]
WITH collect({n: n, sort: sort}) AS rows
// (a full sort, then a slice: a Top operator would account the whole list to every row it keeps)
RETURN size(rows) AS total,
       [row IN [row IN rows WHERE $after IS NULL OR row.sort > $after][0..$first] | {labels: labels(row.n), props: properties(row.n)}] AS page
