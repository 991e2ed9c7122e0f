// Create or replace Paper nodes: every property is replaced by row.props.
UNWIND $rows AS row
MERGE (p:Paper {id: row.id})
SET p = row.props
RETURN count(*) AS written
