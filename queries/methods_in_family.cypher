// Methods/models in family $family (a key) or any family below it (SUBFAMILY_OF), plus
// everything that EXTENDS such a member, transitively; $techniques: the technique labels.
MATCH (:Family {key: $family})<-[:SUBFAMILY_OF*0..]-(g:Family)
WITH DISTINCT g
MATCH (x)-[:IS_A]->(g)
WITH DISTINCT x
MATCH (m)-[:EXTENDS*0..]->(x)
WITH DISTINCT m
WHERE m:Entity AND any(label IN labels(m) WHERE label IN $techniques)
RETURN m.key AS key
