// Create or replace (Family)-[:SUBFAMILY_OF]->(Family) relationships, identified by their edge key.
UNWIND $rows AS row
MATCH (a:Family {key: row.from})
MATCH (b:Family {key: row.to})
MERGE (a)-[r:SUBFAMILY_OF {key: row.key}]->(b)
SET r = row.props
RETURN count(*) AS written
