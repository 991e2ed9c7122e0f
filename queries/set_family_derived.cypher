// Write a family's derived aliases with their full-text and match-key forms.
UNWIND $rows AS row
MATCH (f:Family {key: row.key})
SET f.aliases = row.aliases, f.aliases_text = row.aliases_text, f.match_aliases = row.match_aliases,
    f.match_aliases_text = row.match_aliases_text
RETURN count(*) AS written
