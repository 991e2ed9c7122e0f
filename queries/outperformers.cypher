// Who beats the entity $loser (a key), with each OUTPERFORMS claim; with $family (a family
// key, or null for any winner) only winners that are methods/models of that family or a
// family below it, directly or through EXTENDS (DESIGN.md's "PEFT methods beating LoRA").
MATCH (w:Entity)-[c:OUTPERFORMS]->(:Entity {key: $loser})
WHERE $family IS NULL
   OR (any(label IN labels(w) WHERE label IN $techniques)
       AND EXISTS { MATCH (w)-[:EXTENDS*0..]->()-[:IS_A]->(:Family)-[:SUBFAMILY_OF*0..]->(:Family {key: $family}) })
RETURN w.key AS winner, properties(c) AS props
