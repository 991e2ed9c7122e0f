// Create or replace (entity)-[:OUTPERFORMS]->(entity) relationships, identified by their edge key.
UNWIND $rows AS row
MATCH (a:Entity {key: row.from})
MATCH (b:Entity {key: row.to})
MERGE (a)-[r:OUTPERFORMS {key: row.key}]->(b)
SET r = row.props
RETURN count(*) AS written
