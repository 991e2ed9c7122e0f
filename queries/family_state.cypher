// The stored name and aliases of each family in $keys, so a batch can skip re-deriving them.
UNWIND $keys AS k
MATCH (f:Family {key: k})
RETURN f.key AS key, f.name AS name, f.aliases AS aliases
