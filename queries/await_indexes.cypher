// Wait (up to 300 s) until every index, including the constraint-backed ones, is online.
CALL db.awaitIndexes(300)
