// The keys of all entities.
MATCH (e:Entity)
RETURN e.key AS key
