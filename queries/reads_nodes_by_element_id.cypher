// The console's missing relationship ends: nodes by their element ids (read in the same store).
UNWIND $eids AS eid
MATCH (n) WHERE elementId(n) = eid
RETURN eid, labels(n) AS labels, properties(n) AS props
