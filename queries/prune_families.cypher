// Delete the families among $keys and their ancestors that have no IS_A member at or below
// them (through SUBFAMILY_OF); returns the deleted keys.
UNWIND $keys AS k
MATCH (:Family {key: k})-[:SUBFAMILY_OF*0..]->(f:Family)
WITH DISTINCT f
WHERE NOT EXISTS { MATCH (f)<-[:SUBFAMILY_OF*0..]-(:Family)<-[:IS_A]-() }
WITH f, f.key AS key
DETACH DELETE f
RETURN key
