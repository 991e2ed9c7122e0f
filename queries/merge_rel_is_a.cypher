// Create or replace (entity)-[:IS_A]->(Family) relationships, identified by their edge key.
UNWIND $rows AS row
MATCH (a:Entity {key: row.from})
MATCH (b:Family {key: row.to})
MERGE (a)-[r:IS_A {key: row.key}]->(b)
SET r = row.props
RETURN count(*) AS written
