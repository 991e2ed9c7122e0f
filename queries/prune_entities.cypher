// Delete the entities among $keys that no claim supports any more (no relationship with a
// `paper`); returns their keys and the families they were IS_A members of.
UNWIND $keys AS k
MATCH (e:Entity {key: k})
WHERE NOT EXISTS { MATCH (e)-[r]-() WHERE r.paper IS NOT NULL }
OPTIONAL MATCH (e)-[:IS_A]->(f:Family)
WITH e, e.key AS key, collect(f.key) AS families
DETACH DELETE e
RETURN key, families
