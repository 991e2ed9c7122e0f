// GraphReads.list_nodes with text, and search: the nodes carrying one of $labels (with $seek,
// only those given as paper ids / entity keys / family keys) whose texts may contain every word
// of $needles (kg.graph.reads.words of the text). A sure superset: a text in plain ASCII
// ($ascii matches it) must contain the word in lower case, one with other characters is kept,
// since NFKC and casefolding may change it; the caller matches exactly in Python.
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
WITH n, [t IN [n.name, n.title, n.abstract, n.key, id] + coalesce(n.aliases, []) WHERE t IS NOT NULL | toString(t)]
        + CASE WHEN n.null_props IS NULL THEN [] ELSE ['None'] END AS texts  // str(None) is what Python matches then
WHERE all(w IN $needles WHERE any(t IN texts WHERE toLower(t) CONTAINS w OR NOT t =~ $ascii))
RETURN labels(n) AS labels, properties(n) AS props
