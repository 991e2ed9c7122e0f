// GraphReads.list_nodes / search: the nodes carrying one of $labels (restricted to the graph
// ids $ids when not null). Text matching, ranking, sorting and paging happen in Python, so
// they follow kg.graph.reads.words and Python's string order, not the server's collation.
MATCH (n)
WHERE any(l IN labels(n) WHERE l IN $labels)
WITH n, CASE WHEN n:Paper THEN 'Paper:' + n.id WHEN n:Family THEN 'Family:' + n.key ELSE 'Entity:' + n.key END AS id
WHERE $ids IS NULL OR id IN $ids
RETURN labels(n) AS labels, properties(n) AS props
