// The stored derived state of each entity in $keys (type label, name, aliases) and how many
// MENTIONS it has (a degree lookup), so a batch can skip re-deriving what it cannot change.
UNWIND $keys AS k
MATCH (e:Entity {key: k})
RETURN e.key AS key, e.name AS name, e.aliases AS aliases,
       [label IN labels(e) WHERE label <> 'Entity'] AS labels, COUNT { (e)<-[:MENTIONS]-() } AS mentions
