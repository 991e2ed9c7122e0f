// Entities known by the match key $target (through key, name or an alias), with how many
// papers mention them; the caller ranks them as kg.graph.queries does.
MATCH (n:Entity)
WHERE n.match_key = $target OR n.match_name = $target OR $target IN n.match_aliases
RETURN n.key AS key, $target IN [n.match_key, n.match_name] AS by_name, COUNT { ()-[:MENTIONS]->(n) } AS mentions
