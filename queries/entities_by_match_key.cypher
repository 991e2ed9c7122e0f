// Keys of the entities whose key, name or an alias has one of the match keys OR-ed in $query.
CALL db.index.fulltext.queryNodes('entity_match_keys', $query, {limit: $limit}) YIELD node
RETURN node.key AS key
