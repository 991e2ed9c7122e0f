// Uniqueness constraints on every node key (each also gives the range index the MERGEs seek by).
// Entities carry the stable label :Entity plus exactly one type label, which a vote may change;
// :Entity(key) is the constraint the loader MERGEs on, the per-type ones guard the same key.
// Applied by kg.store.neo4j.schema.init_db (`kg init-db`); IF NOT EXISTS makes a re-run a no-op.
CREATE CONSTRAINT paper_id IF NOT EXISTS FOR (n:Paper) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT entity_key IF NOT EXISTS FOR (n:Entity) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT family_key IF NOT EXISTS FOR (n:Family) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT method_key IF NOT EXISTS FOR (n:Method) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT model_key IF NOT EXISTS FOR (n:Model) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT dataset_key IF NOT EXISTS FOR (n:Dataset) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT benchmark_key IF NOT EXISTS FOR (n:Benchmark) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT task_key IF NOT EXISTS FOR (n:Task) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT metric_key IF NOT EXISTS FOR (n:Metric) REQUIRE n.key IS UNIQUE;
