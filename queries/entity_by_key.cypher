// The entity whose key is exactly $key, if any.
MATCH (e:Entity {key: $key})
RETURN e.key AS key
