// Every node with its labels and properties (for reading the whole graph back).
MATCH (n)
RETURN elementId(n) AS eid, labels(n) AS labels, properties(n) AS props
