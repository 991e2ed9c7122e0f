"""Refuse Cypher that could write, before any store runs it: shared by every ``CypherRunner``.

The check reads tokens, not text: a ``CREATE`` inside a string literal, a comment, a
backticked name, a property (``n.set``), a label (``:Delete``) or a map key (``{remove: 1}``)
is not a clause and passes, nor is an alias (``AS delete``); a clause keyword anywhere else is refused with a message naming
it. Unterminated strings and comments are refused too, since where they end decides what is
a clause. On Neo4j the session's READ access mode is the second line of defence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from kg.api.cypher_errors import CypherRefused, CypherSyntaxError

TokenKind = Literal["word", "name", "string", "param", "number", "symbol"]

READ_ONLY = "kg's console is read-only"

WRITE_CLAUSES = frozenset({"CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "FOREACH"})
ADMIN_COMMANDS = frozenset({"DROP", "ALTER", "GRANT", "DENY", "REVOKE", "RENAME"})

_LEX = re.compile(
    r"""
    (?P<space>\s+)
  | (?P<line_comment>//[^\n]*)
  | (?P<block_comment>/\*.*?\*/)
  | (?P<string>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")
  | (?P<name>`(?:[^`]|``)*`)
  | (?P<param>\$(?:[^\W\d]\w*|\d+|`(?:[^`]|``)*`))
  | (?P<number>\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)
  | (?P<word>[^\W\d]\w*)
  | (?P<symbol>\S)
    """,
    re.VERBOSE | re.DOTALL,
)


@dataclass(frozen=True, slots=True)
class Token:
    """One lexical token of a query and where it starts (1-based line and column)."""

    kind: TokenKind
    text: str
    start: int
    line: int
    column: int

    @property
    def upper(self) -> str:
        return self.text.upper()


def _where(query: str, start: int) -> tuple[int, int]:
    line = query.count("\n", 0, start) + 1
    return line, start - (query.rfind("\n", 0, start) + 1) + 1


def tokenize(query: str) -> list[Token]:
    """The query's tokens without whitespace and comments; an unterminated string or comment is an error."""
    tokens: list[Token] = []
    pos = 0
    while pos < len(query):
        match = _LEX.match(query, pos)
        assert match is not None and match.lastgroup is not None  # `symbol` matches any non-space character
        kind, text = match.lastgroup, match.group()
        if kind == "symbol" and text in "'\"`" or (kind == "symbol" and query.startswith("/*", pos)):
            line, column = _where(query, pos)
            what = "comment" if text == "/" else "name" if text == "`" else "string"
            raise CypherSyntaxError(f"unterminated {what} starting at line {line}, column {column}")
        if kind not in ("space", "line_comment", "block_comment"):
            line, column = _where(query, pos)
            tokens.append(Token(kind, text, pos, line, column))  # type: ignore[arg-type]
        pos = match.end()
    return tokens


def _is_keyword(tokens: list[Token], i: int) -> bool:
    """Whether the word at ``i`` stands where a clause could: not a property, label, type or map key."""
    before = tokens[i - 1].text if i > 0 and tokens[i - 1].kind == "symbol" else ""
    after = tokens[i + 1].text if i + 1 < len(tokens) and tokens[i + 1].kind == "symbol" else ""
    if before in (".", ":") or (i > 0 and tokens[i - 1].upper == "AS" and tokens[i - 1].kind == "word"):
        return False  # a property, a label or type, or an alias
    return not (after == ":" and before in ("{", ","))


def _next_word(tokens: list[Token], i: int) -> str:
    return tokens[i + 1].upper if i + 1 < len(tokens) and tokens[i + 1].kind == "word" else ""


def _refusal(tokens: list[Token], i: int) -> str | None:
    """Why the keyword at ``i`` is refused, or None when it only reads."""
    word, following = tokens[i].upper, _next_word(tokens, i)
    if word == "DETACH":
        return "DETACH DELETE is a write clause"
    if word in WRITE_CLAUSES:
        return f"{word} is a write clause"
    if word == "LOAD" and following == "CSV":
        return "LOAD CSV is a write clause (it loads data from files)"
    if word == "USING" and following == "PERIODIC":
        return "USING PERIODIC COMMIT is a write clause"
    if word == "IN" and following == "TRANSACTIONS":
        return "CALL { … } IN TRANSACTIONS is a write clause"
    if word == "CALL":
        after = tokens[i + 1].text if i + 1 < len(tokens) else ""
        if after not in ("{", "("):  # CALL { … } and CALL (x) { … } are subqueries; anything else is a procedure
            return "CALL of procedures is refused (a procedure can write or administer the database)"
    if word in ADMIN_COMMANDS:
        return f"{word} is an administration command"
    if word in ("START", "STOP") and following == "DATABASE":
        return f"{word} DATABASE is an administration command"
    return None


def refuse_writes(query: str) -> None:
    """Raise ``CypherRefused`` naming the first write clause, procedure call or administration command."""
    tokens = tokenize(query)
    for i, token in enumerate(tokens):
        if token.kind != "word" or not _is_keyword(tokens, i):
            continue
        reason = _refusal(tokens, i)
        if reason is not None:
            raise CypherRefused(
                f"{READ_ONLY}: {reason} (line {token.line}, column {token.column}). "
                "Only reading queries (MATCH … RETURN …) run here."
            )
