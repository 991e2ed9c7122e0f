// Create or replace (Paper)-[:REPORTS]->(entity) relationships, identified by their edge key.
UNWIND $rows AS row
MATCH (a:Paper {id: row.from})
MATCH (b:Entity {key: row.to})
MERGE (a)-[r:REPORTS {key: row.key}]->(b)
SET r = row.props
RETURN count(*) AS written
