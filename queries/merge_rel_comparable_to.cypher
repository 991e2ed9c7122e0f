// Create or replace (entity)-[:COMPARABLE_TO]->(entity) relationships, identified by their edge key.
UNWIND $rows AS row
MATCH (a:Entity {key: row.from})
MATCH (b:Entity {key: row.to})
MERGE (a)-[r:COMPARABLE_TO {key: row.key}]->(b)
SET r = row.props
RETURN count(*) AS written
