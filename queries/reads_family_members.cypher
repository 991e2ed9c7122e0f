// GraphReads.family_members: per family key, the technique entities (labels $techniques) in it
// or a subfamily (SUBFAMILY_OF*0..), and whatever EXTENDS one of them, transitively.
UNWIND $keys AS k
MATCH (:Family {key: k})<-[:SUBFAMILY_OF*0..]-(g:Family)
WITH DISTINCT k, g
MATCH (x)-[:IS_A]->(g)
WITH DISTINCT k, x
MATCH (m)-[:EXTENDS*0..]->(x)
WITH DISTINCT k, m
WHERE m:Entity AND any(label IN labels(m) WHERE label IN $techniques)
RETURN k AS key, collect(m.key) AS members
