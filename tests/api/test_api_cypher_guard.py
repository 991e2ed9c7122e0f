"""The write guard reads tokens: clauses are refused wherever they stand, the same words elsewhere pass."""

from __future__ import annotations

import pytest

from kg.api.console.errors import CypherRefused, CypherSyntaxError
from kg.api.console.guard import guard, tokenize


@pytest.mark.parametrize(
    ("query", "named"),
    [
        ("CREATE (n)", "CREATE"),
        ("create (n)", "CREATE"),
        ("MATCH (n)\n  MERGE (m)", "MERGE"),
        ("MATCH (n) SET n:Label", "SET"),
        ("MATCH (n) DETACH DELETE n", "DETACH DELETE"),
        ("MATCH (n) REMOVE n:Label", "REMOVE"),
        ("MATCH (n) FOREACH (x IN [1] | CREATE ())", "FOREACH"),
        ("LOAD CSV WITH HEADERS FROM 'x' AS row RETURN row", "LOAD CSV"),
        ("CALL dbms.listConfig()", "CALL dbms.listConfig is refused"),
        ("MATCH (n) CALL { RETURN 1 AS x } IN TRANSACTIONS OF 10 ROWS RETURN n", "IN TRANSACTIONS"),
        ("USING PERIODIC COMMIT LOAD CSV FROM 'x' AS r RETURN r", "USING PERIODIC COMMIT"),
        ("DROP CONSTRAINT c", "DROP"),
        ("GRANT ROLE admin TO kg", "GRANT"),
        ("STOP DATABASE neo4j", "STOP DATABASE"),
        ('MATCH (n) WHERE n.name = "x" /* ok */ CREATE (m) // no', "CREATE"),
    ],
)
def test_write_clauses_are_refused_with_their_name_and_place(query: str, named: str) -> None:
    with pytest.raises(CypherRefused, match=r"^kg's console is read-only: ") as refused:
        guard(query)
    assert named in str(refused.value) and "line " in str(refused.value)


def test_the_place_of_a_refused_clause_is_line_and_column() -> None:
    with pytest.raises(CypherRefused, match=r"\(line 3, column 5\)"):
        guard("MATCH (n)\nWHERE n.x = 1\n    DELETE n")


@pytest.mark.parametrize(
    "query",
    [
        "MATCH (n) WHERE n.name = 'CREATE (x)' RETURN n",
        'MATCH (n) WHERE n.name = "it\\"s DELETE" RETURN n',
        "MATCH (n) // DELETE n\nRETURN n",
        "MATCH (n) /* SET n.x = 1\n MERGE */ RETURN n",
        "MATCH (n:`CREATE`) RETURN n",
        "MATCH (n:Create)-[r:SET]->(m:Delete) RETURN n.set, n.remove, r.merge",
        "MATCH (n {create: 1, delete: 2}) RETURN n",
        "MATCH (n) RETURN n.name AS delete, $create",
        "MATCH (n) CALL { WITH n RETURN n AS m } RETURN m",
        "MATCH (n) WHERE n.x IN [1, 2] RETURN n OFFSET 1",
        "MATCH (settings) RETURN settings.createdAt",
    ],
)
def test_the_same_words_elsewhere_pass(query: str) -> None:
    guard(query)


@pytest.mark.parametrize(
    ("query", "what"),
    [
        ("MATCH (n) WHERE n.x = 'open RETURN n", "string"),
        ('MATCH (n) WHERE n.x = "open RETURN n', "string"),
        ("MATCH (n) /* open RETURN n", "comment"),
        ("MATCH (n:`open) RETURN n", "name"),
    ],
)
def test_unterminated_strings_and_comments_are_refused(query: str, what: str) -> None:
    with pytest.raises(CypherSyntaxError, match=f"unterminated {what} starting at line 1"):
        guard(query)


def test_tokens_keep_strings_names_and_parameters_whole() -> None:
    tokens = tokenize("MATCH (n:`a b`) WHERE n.x = 'it\\'s' AND n.y = $p RETURN n // done")
    kinds = [(t.kind, t.text) for t in tokens]
    assert ("name", "`a b`") in kinds and ("string", "'it\\'s'") in kinds and ("param", "$p") in kinds
    assert not any("done" in text for _, text in kinds)


def test_where_bookkeeping_is_linear() -> None:
    """Line and column used to be counted from the start for every token: a 62 KB query took 1.3 s (issue #12)."""
    import time

    def seconds(lines: int) -> float:
        text = "MATCH (n)\n" + "WHERE n.x = 1 OR n.y = 'a'\n" * lines + "RETURN n"
        started = time.perf_counter()
        tokenize(text)
        return time.perf_counter() - started

    small, large = min(seconds(300) for _ in range(3)), min(seconds(2400) for _ in range(3))
    assert large < 20 * small  # 8x the text: linear is ~8x, the old quadratic count ~64x


def test_a_comment_ends_at_every_line_terminator_and_never_reaches_the_store() -> None:
    for terminator in ("\r", "\n", "\r\n", "\u2028", "\u2029", "\x85", "\x0b", "\x0c"):
        with pytest.raises(CypherRefused, match="LOAD CSV"):
            guard(f"// c{terminator}LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l")
        text = guard(f"MATCH (n) // a comment{terminator}RETURN n /* and another */ LIMIT 1")
        assert "comment" not in text and "another" not in text and text.split() == "MATCH (n) RETURN n LIMIT 1".split()
