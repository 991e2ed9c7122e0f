// benchmarks/api.py's hand-written baseline for benchmarks/queries/family_members_claims.graphql,
// in ONE query: the first 50 members (by name) of family $family (a key; members as in
// methods_in_family.cypher), each with every OUTPERFORMS / OUTPERFORMS_GENERIC claim's
// evidence and paper title. $techniques: the technique labels.
MATCH (:Family {key: $family})<-[:SUBFAMILY_OF*0..]-(g:Family)
WITH DISTINCT g
MATCH (x)-[:IS_A]->(g)
WITH DISTINCT x
MATCH (m)-[:EXTENDS*0..]->(x)
WITH DISTINCT m
WHERE m:Entity AND any(label IN labels(m) WHERE label IN $techniques)
WITH m ORDER BY toLower(m.name), m.name, m.key LIMIT 50
RETURN m.name AS name,
       COLLECT { MATCH (m)-[c:OUTPERFORMS|OUTPERFORMS_GENERIC]->() MATCH (p:Paper {id: c.paper}) RETURN [c.evidence, p.title] } AS claims
ORDER BY toLower(m.name), m.name, m.key
