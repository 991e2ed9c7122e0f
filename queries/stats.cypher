// Node counts per label and relationship counts per type, from the count store.
CALL () {
  MATCH (n:Paper) RETURN 'nodes' AS kind, 'Paper' AS name, count(n) AS n
  UNION ALL MATCH (n:Method) RETURN 'nodes' AS kind, 'Method' AS name, count(n) AS n
  UNION ALL MATCH (n:Model) RETURN 'nodes' AS kind, 'Model' AS name, count(n) AS n
  UNION ALL MATCH (n:Dataset) RETURN 'nodes' AS kind, 'Dataset' AS name, count(n) AS n
  UNION ALL MATCH (n:Benchmark) RETURN 'nodes' AS kind, 'Benchmark' AS name, count(n) AS n
  UNION ALL MATCH (n:Task) RETURN 'nodes' AS kind, 'Task' AS name, count(n) AS n
  UNION ALL MATCH (n:Metric) RETURN 'nodes' AS kind, 'Metric' AS name, count(n) AS n
  UNION ALL MATCH (n:Family) RETURN 'nodes' AS kind, 'Family' AS name, count(n) AS n
  UNION ALL MATCH ()-[r:PROPOSES]->() RETURN 'relationships' AS kind, 'PROPOSES' AS name, count(r) AS n
  UNION ALL MATCH ()-[r:MENTIONS]->() RETURN 'relationships' AS kind, 'MENTIONS' AS name, count(r) AS n
  UNION ALL MATCH ()-[r:EVALUATES_ON]->() RETURN 'relationships' AS kind, 'EVALUATES_ON' AS name, count(r) AS n
  UNION ALL MATCH ()-[r:ADDRESSES]->() RETURN 'relationships' AS kind, 'ADDRESSES' AS name, count(r) AS n
  UNION ALL MATCH ()-[r:REPORTS]->() RETURN 'relationships' AS kind, 'REPORTS' AS name, count(r) AS n
  UNION ALL MATCH ()-[r:COMPARES_WITH]->() RETURN 'relationships' AS kind, 'COMPARES_WITH' AS name, count(r) AS n
  UNION ALL MATCH ()-[r:OUTPERFORMS]->() RETURN 'relationships' AS kind, 'OUTPERFORMS' AS name, count(r) AS n
  UNION ALL MATCH ()-[r:OUTPERFORMS_GENERIC]->() RETURN 'relationships' AS kind, 'OUTPERFORMS_GENERIC' AS name, count(r) AS n
  UNION ALL MATCH ()-[r:COMPARABLE_TO]->() RETURN 'relationships' AS kind, 'COMPARABLE_TO' AS name, count(r) AS n
  UNION ALL MATCH ()-[r:IS_A]->() RETURN 'relationships' AS kind, 'IS_A' AS name, count(r) AS n
  UNION ALL MATCH ()-[r:SUBFAMILY_OF]->() RETURN 'relationships' AS kind, 'SUBFAMILY_OF' AS name, count(r) AS n
  UNION ALL MATCH ()-[r:EXTENDS]->() RETURN 'relationships' AS kind, 'EXTENDS' AS name, count(r) AS n
}
RETURN kind, name, n
