// Stored content hash of each given paper: lets an ingest skip papers whose content is unchanged.
UNWIND $ids AS id
MATCH (p:Paper {id: id})
RETURN p.id AS id, p.content_hash AS hash
