// benchmarks/api.py's hand-written baseline for benchmarks/queries/family_beats.graphql, in ONE
// query: the methods/models of family $family (a key; members as in methods_in_family.cypher)
// that beat entity $loser (a key), first 100 by name, each with its OUTPERFORMS claims'
// evidence and paper title. $techniques: the technique labels. (Members first, then their
// claims: ~6x faster at 1k papers than filtering each winner with an EXISTS subquery.)
MATCH (:Family {key: $family})<-[:SUBFAMILY_OF*0..]-(g:Family)
WITH DISTINCT g
MATCH (x)-[:IS_A]->(g)
WITH DISTINCT x
MATCH (w)-[:EXTENDS*0..]->(x)
WITH DISTINCT w
WHERE w:Entity AND any(label IN labels(w) WHERE label IN $techniques)
MATCH (w)-[c:OUTPERFORMS]->(:Entity {key: $loser})
MATCH (p:Paper {id: c.paper})
WITH w, collect([c.evidence, p.title]) AS claims
RETURN w.name AS name, claims
ORDER BY toLower(w.name), w.name, w.key
LIMIT 100
