// What the MENTIONS of each entity in $keys say, aggregated: one group per (surface, vote,
// declared) with its count, and the distinct aliases papers gave. The caller derives the
// entity's type (vote) and aliases from it exactly as kg.graph.derive does.
UNWIND $keys AS k
MATCH (e:Entity {key: k})
CALL (e) {
  MATCH ()-[m:MENTIONS]->(e)
  WITH m.surface AS surface, m.vote AS vote, coalesce(m.declared, true) AS declared, count(*) AS n
  RETURN collect({surface: surface, vote: vote, declared: declared, n: n}) AS groups
}
CALL (e) {
  MATCH ()-[m:MENTIONS]->(e)
  UNWIND coalesce(m.aliases, []) AS alias
  RETURN collect(DISTINCT alias) AS spellings
}
RETURN e.key AS key, e.name AS name, e.aliases AS aliases, groups, spellings
