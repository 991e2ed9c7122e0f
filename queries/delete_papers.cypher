// Delete the Paper nodes $papers (their claims are gone already: drop_claims); returns the ids deleted.
UNWIND $papers AS pid
MATCH (p:Paper {id: pid})
DETACH DELETE p
RETURN pid AS id
