// Delete every relationship, 10,000 per transaction (auto-commit query; wipe_nodes runs next).
// For tests and benchmarks only. Relationships go first: DETACH DELETE of an entity that
// thousands of papers mention would hold all its relationships in one transaction's memory.
MATCH ()-[r]->()
CALL (r) {
  DELETE r
} IN TRANSACTIONS OF 10000 ROWS
