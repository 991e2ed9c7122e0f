// Write an entity's derived properties: its type label (one of the six, checked by the caller),
// its name (kg.store.naming) and its aliases, with their full-text and match-key forms.
UNWIND $rows AS row
MATCH (e:Entity {key: row.key})
REMOVE e:Method:Model:Dataset:Benchmark:Task:Metric
SET e:$(row.label), e.name = row.name, e.match_name = row.match_name, e.aliases = row.aliases,
    e.aliases_text = row.aliases_text, e.match_aliases = row.match_aliases, e.match_aliases_text = row.match_aliases_text
RETURN count(*) AS written
