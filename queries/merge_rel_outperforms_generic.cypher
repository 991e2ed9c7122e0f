// Create or replace (entity)-[:OUTPERFORMS_GENERIC]->(Paper) relationships (a claim against an
// unnamed loser points at the paper that makes it), identified by their edge key.
UNWIND $rows AS row
MATCH (a:Entity {key: row.from})
MATCH (b:Paper {id: row.to})
MERGE (a)-[r:OUTPERFORMS_GENERIC {key: row.key}]->(b)
SET r = row.props
RETURN count(*) AS written
