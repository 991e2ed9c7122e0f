// Create or replace entity nodes: stable label :Entity plus exactly one type label (row.label,
// one of Method|Model|Dataset|Benchmark|Task|Metric, checked by the caller); properties replaced.
UNWIND $rows AS row
MERGE (e:Entity {key: row.key})
SET e = row.props
REMOVE e:Method:Model:Dataset:Benchmark:Task:Metric
SET e:$(row.label)
RETURN count(*) AS written
