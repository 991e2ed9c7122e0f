// What each stored paper adds to the corpus-wide name pass (names it defines, its acronyms).
MATCH (p:Paper)
WHERE p.defines IS NOT NULL OR p.acronyms IS NOT NULL
RETURN coalesce(p.defines, []) AS defines, coalesce(p.acronyms, []) AS acronyms
