// Stored papers whose title or abstract full-text matches $query (phrases OR-ed together);
// the caller checks each text exactly (kg.store.text_match).
CALL db.index.fulltext.queryNodes('paper_text', $query, {limit: $limit}) YIELD node
RETURN properties(node) AS props
