// Create or replace Family nodes: every property is replaced by row.props.
UNWIND $rows AS row
MERGE (f:Family {key: row.key})
SET f = row.props
RETURN count(*) AS written
