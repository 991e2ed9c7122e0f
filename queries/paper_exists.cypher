// Whether a Paper node with id $id exists.
OPTIONAL MATCH (p:Paper {id: $id})
RETURN p IS NOT NULL AS found
