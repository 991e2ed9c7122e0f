// Indexes the named queries in queries/ need, beyond the constraint-backed key indexes.
// Replacing a paper's claims finds its entity-to-entity claims by their `paper` property.
CREATE INDEX outperforms_paper IF NOT EXISTS FOR ()-[r:OUTPERFORMS]-() ON (r.paper);
CREATE INDEX comparable_to_paper IF NOT EXISTS FOR ()-[r:COMPARABLE_TO]-() ON (r.paper);
CREATE INDEX extends_paper IF NOT EXISTS FOR ()-[r:EXTENDS]-() ON (r.paper);
CREATE INDEX is_a_paper IF NOT EXISTS FOR ()-[r:IS_A]-() ON (r.paper);
// Full-text search over names and aliases (aliases_text: the aliases joined by newlines,
// since full-text indexes read string properties only).
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Method|Model|Dataset|Benchmark|Task|Metric) ON EACH [n.name, n.aliases_text];
CREATE FULLTEXT INDEX family_names IF NOT EXISTS FOR (n:Family) ON EACH [n.name, n.aliases_text];
// Full-text over paper text: an ingest finds the stored papers a newly defined name may re-link
// (queries/papers_mentioning.cypher), without reading every abstract back.
CREATE FULLTEXT INDEX paper_text IF NOT EXISTS FOR (p:Paper) ON EACH [p.title, p.abstract];
// Entities by the match key of their key, name or any alias (match_aliases_text: the alias match
// keys one per line; match keys hold no spaces, so the whitespace analyzer keeps each one a term):
// resolving a batch reads only the entities it can link to (kg.resolve.resolver.lookup_keys).
CREATE FULLTEXT INDEX entity_match_keys IF NOT EXISTS FOR (n:Entity) ON EACH [n.match_key, n.match_name, n.match_aliases_text] OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace'}};
