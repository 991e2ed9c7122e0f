// Delete every node, 10,000 per transaction (auto-commit query, after wipe_relationships).
MATCH (n)
CALL (n) {
  DETACH DELETE n
} IN TRANSACTIONS OF 10000 ROWS
