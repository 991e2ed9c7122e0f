// Create or replace (Paper)-[:MENTIONS]->(entity) relationships, identified by their edge key.
UNWIND $rows AS row
MATCH (a:Paper {id: row.from})
MATCH (b:Entity {key: row.to})
MERGE (a)-[r:MENTIONS {key: row.key}]->(b)
SET r = row.props
RETURN count(*) AS written
