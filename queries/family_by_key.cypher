// The family whose key is exactly $key, if any.
MATCH (f:Family {key: $key})
RETURN f.key AS key
