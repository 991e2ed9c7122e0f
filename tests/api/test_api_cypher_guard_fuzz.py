"""Property test of the console guard: whatever it lets through reads the same way again and holds no dangerous clause.

Queries are built from Cypher's dangerous words, reading clauses, strings, comments and every
line terminator, joined in random order; the guard must refuse each one or hand on text that,
tokenized again, is itself (the guard is idempotent) and has no write clause, command, LOAD or
unlisted procedure CALL where a clause could stand.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.api.console.errors import CypherError
from kg.api.console.guard import (
    ALLOWED_PROCEDURES,
    COMMANDS,
    WRITE_CLAUSES,
    _is_keyword,
    guard,
    procedure_name,
    tokenize,
)

PIECES = [
    "MATCH (n)",
    "RETURN n",
    "WITH n",
    "UNWIND [1] AS x",
    "OPTIONAL MATCH (m)",
    "CALL { RETURN 1 AS y }",
    "CREATE (x)",
    "INSERT (x)",
    "MERGE (x)",
    "SET n.a = 1",
    "DELETE n",
    "DETACH DELETE n",
    "REMOVE n.a",
    "LOAD CSV FROM 'f' AS l",
    "FOREACH (i IN [] | CREATE ())",
    "SHOW USERS",
    "TERMINATE TRANSACTIONS 'x'",
    "USE system",
    "DROP INDEX i",
    "CALL dbms.listConfig()",
    "CALL db.labels()",
    "CALL `dbms`.`listConfig`()",
    "IN TRANSACTIONS",
    "//",
    "/*",
    "*/",
    "'",
    '"',
    "`",
    "\\",
    "\r",
    "\n",
    "\r\n",
    "\u2028",
    "\u2029",
    "\x85",
    "\x0b",
    "\x0c",
    "\ufeff",
    " ",
    "\t",
    "(",
    ")",
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    ".",
    "AS",
    "n.create",
    "{create: 1}",
    "$p",
    "'CREATE'",
]
DANGEROUS = WRITE_CLAUSES | (COMMANDS - {"EXPLAIN", "PROFILE", "CYPHER"}) | {"LOAD"}


@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=14))
def test_what_the_guard_lets_through_holds_no_dangerous_clause(pieces: list[str]) -> None:
    query = " ".join(pieces) if len(pieces) % 2 else "".join(pieces)
    try:
        text = guard(query)
    except CypherError:
        return
    assert guard(text) == text
    tokens = tokenize(text)
    for i, token in enumerate(tokens):
        if token.kind != "word" or not _is_keyword(tokens, i):
            continue
        assert token.upper not in DANGEROUS, (query, text)
        if token.upper == "CALL":
            assert procedure_name(tokens, i) in ("", *ALLOWED_PROCEDURES), (query, text)
    outside = text
    for token in tokens:
        if token.kind in ("string", "name"):
            outside = outside.replace(token.text, " ")
    assert not set(outside) & set("\r\u2028\u2029\x85\x0b\x0c"), (query, text)  # one kind of line end
    assert "//" not in outside and "/*" not in outside, (query, text)  # no comment left
