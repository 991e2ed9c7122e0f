"""Check console Cypher before any store sees it, and hand the store the text exactly as checked.

Three rules, in order, all on tokens (a ``CREATE`` inside a string, a comment, a backticked
name, a property ``n.set``, a label ``:Delete``, a map key ``{remove: 1}`` or an alias
``AS delete`` is not a clause):

1. **Size**: at most ``MAX_QUERY_CHARS`` characters, ``MAX_TOKENS`` tokens and brackets nested
   ``MAX_NESTING`` deep. Neo4j's parser takes minutes on a few thousand nested brackets and
   seconds on a few thousand operators, all before its transaction timeout starts.
2. **Reading clauses only**: the query starts with MATCH, OPTIONAL MATCH, WITH, UNWIND, RETURN
   or CALL; no write clause (INSERT included), no LOAD CSV, no administration or SHOW / TERMINATE
   command, no USE; a procedure CALL only of the read-only ``ALLOWED_PROCEDURES``.
3. **One reading of the text**: every line terminator Neo4j knows (a bare ``\\r`` among them)
   ends a ``//`` comment here too, and the text handed on has no comments left and only ASCII
   whitespace outside strings, so what the store parses is what was checked.

This is the first lock. The store's own parser is the allow-list behind it: on Neo4j the
plan of ``EXPLAIN`` must use only reading operators (``kg.api.console.plan``) and the session
is READ; on the embedded store grand-cypher's grammar has no clause that writes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from kg.api.console.errors import CypherRefused, CypherSyntaxError

TokenKind = Literal["word", "name", "string", "param", "number", "symbol"]

READ_ONLY = "kg's console is read-only"
LIMITED = "kg's console keeps queries small and stoppable"
MAX_QUERY_CHARS = 10_000
MAX_TOKENS = 2_000
MAX_NESTING = 40
MAX_RANGE = 100_000
"""Most elements a literal ``range()`` may have: Neo4j does not check its time limit inside expression loops."""

FIRST_CLAUSES = frozenset({"MATCH", "OPTIONAL", "WITH", "UNWIND", "RETURN", "CALL"})
WRITE_CLAUSES = frozenset({"CREATE", "INSERT", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "FOREACH"})
COMMANDS = frozenset(
    {
        "DROP",
        "ALTER",
        "GRANT",
        "DENY",
        "REVOKE",
        "RENAME",
        "SHOW",
        "TERMINATE",
        "USE",
        "ENABLE",
        "DEALLOCATE",
        "REALLOCATE",
        "DRYRUN",
        "EXPLAIN",
        "PROFILE",
        "CYPHER",
    }
)
ALLOWED_PROCEDURES = frozenset(
    {
        "db.labels",
        "db.relationshipTypes",
        "db.propertyKeys",
        "db.schema.visualization",
        "db.schema.nodeTypeProperties",
        "db.schema.relTypeProperties",
        "db.index.fulltext.queryNodes",
        "db.index.fulltext.queryRelationships",
    }
)
"""Procedures that only read the graph (no file, network, configuration, connection or transaction access)."""

LINE_TERMINATORS = re.compile("\r\n|[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
"""Every character some Cypher lexer may end a ``//`` comment at, as one ``\\n``."""

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
_OPENING, _CLOSING = "([{", ")]}"


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

    @property
    def where(self) -> str:
        return f"line {self.line}, column {self.column}"


def normalise(query: str) -> str:
    """``query`` with every line terminator as ``\\n`` (so comments end where any Cypher lexer ends them)."""
    return LINE_TERMINATORS.sub("\n", query)


def _pieces(query: str) -> Iterator[tuple[str, str, int, int, int]]:
    """(kind, text, start, line, column) of every piece, spaces and comments included; positions in linear time."""
    pos, line, line_start = 0, 1, 0
    while pos < len(query):
        match = _LEX.match(query, pos)
        assert match is not None and match.lastgroup is not None  # `symbol` matches any non-space character
        kind, text = match.lastgroup, match.group()
        if kind == "symbol" and (text in "'\"`" or query.startswith("/*", pos)):
            what = "comment" if text == "/" else "name" if text == "`" else "string"
            raise CypherSyntaxError(f"unterminated {what} starting at line {line}, column {pos - line_start + 1}")
        yield kind, text, pos, line, pos - line_start + 1
        newlines = text.count("\n")
        if newlines:
            line += newlines
            line_start = pos + text.rindex("\n") + 1
        pos = match.end()


def tokenize(query: str) -> list[Token]:
    """The query's tokens without whitespace and comments; an unterminated string or comment is an error."""
    return [
        Token(kind, text, start, line, column)  # type: ignore[arg-type]
        for kind, text, start, line, column in _pieces(normalise(query))
        if kind not in ("space", "line_comment", "block_comment")
    ]


def _is_keyword(tokens: list[Token], i: int) -> bool:
    """Whether the word at ``i`` stands where a clause could: not a property, label, type, alias or map key."""
    before = tokens[i - 1].text if i > 0 and tokens[i - 1].kind == "symbol" else ""
    after = tokens[i + 1].text if i + 1 < len(tokens) and tokens[i + 1].kind == "symbol" else ""
    if before in (".", ":") or (i > 0 and tokens[i - 1].upper == "AS" and tokens[i - 1].kind == "word"):
        return False
    return not (after == ":" and before in ("{", ","))


def _next_word(tokens: list[Token], i: int) -> str:
    return tokens[i + 1].upper if i + 1 < len(tokens) and tokens[i + 1].kind == "word" else ""


def procedure_name(tokens: list[Token], i: int) -> str:
    """The dotted name after the CALL at ``i`` (empty for a ``CALL {`` or ``CALL (x) {`` subquery)."""
    parts: list[str] = []
    j = i + 1
    while j < len(tokens) and tokens[j].kind in ("word", "name"):
        text = tokens[j].text
        parts.append(text[1:-1].replace("``", "`") if tokens[j].kind == "name" else text)
        if j + 1 < len(tokens) and tokens[j + 1].text == ".":
            j += 2
            continue
        break
    return ".".join(parts)


def _range_size(tokens: list[Token], i: int) -> int:
    """How many elements the ``range(a, b[, step])`` of integer literals at ``i`` has (0 when not all literal)."""
    args = "".join(t.text for t in tokens[i + 2 : i + 12])
    match = re.match(r"([+-]?\d+),([+-]?\d+)(?:,([+-]?\d+))?\)", args)
    if match is None:
        return 0
    start, end, step = int(match[1]), int(match[2]), int(match[3] or 1)
    return 0 if step == 0 else max(0, (end - start) // step + 1)


def _calls(tokens: list[Token], i: int) -> bool:
    return i + 1 < len(tokens) and tokens[i + 1].text == "("


def _refusal(tokens: list[Token], i: int) -> CypherRefused | None:
    """Why the keyword at ``i`` is refused, or None when it only reads."""
    word, following, where = tokens[i].upper, _next_word(tokens, i), tokens[i].where
    if word == "REDUCE" and _calls(tokens, i):
        return _too_big(
            "reduce() is refused: Neo4j cannot stop a reduce() once it runs, whatever the time limit", where
        )
    if word == "RANGE" and _calls(tokens, i) and _range_size(tokens, i) > MAX_RANGE:
        return _too_big(
            f"range() over more than {MAX_RANGE:,} numbers is refused: Neo4j cannot stop such a loop", where
        )
    reason = _write_or_command(word, following, tokens, i)
    return _refuse(reason, where) if reason is not None else None


def _write_or_command(word: str, following: str, tokens: list[Token], i: int) -> str | None:
    """Why the keyword at ``i`` would write, read files or run a command, or None."""
    if word == "DETACH":
        return "DETACH DELETE is a write clause"
    if word in WRITE_CLAUSES:
        return f"{word} is a write clause"
    if word == "LOAD":
        return "LOAD CSV is refused (it reads files and URLs)"
    if word == "USING" and following == "PERIODIC":
        return "USING PERIODIC COMMIT is a write clause"
    if word == "IN" and following in ("TRANSACTIONS", "CONCURRENT"):
        return "CALL { … } IN TRANSACTIONS is a write clause"
    if word == "CALL":
        name = procedure_name(tokens, i)
        if name and name not in ALLOWED_PROCEDURES:
            allowed = ", ".join(sorted(ALLOWED_PROCEDURES))
            return f"CALL {name} is refused: the console calls only the read-only procedures {allowed}"
    if word in ("EXPLAIN", "PROFILE", "CYPHER"):
        return f"{word} is not available in the console"
    if word in COMMANDS:
        return f"{word} is an administration command"
    if word in ("START", "STOP") and following == "DATABASE":
        return f"{word} DATABASE is an administration command"
    return None


def _refuse(reason: str, where: str) -> CypherRefused:
    return CypherRefused(f"{READ_ONLY}: {reason} ({where}). Only reading queries (MATCH … RETURN …) run here.")


def _too_big(reason: str, where: str) -> CypherRefused:
    return CypherRefused(f"{LIMITED}: {reason} ({where}).")


def _check_size(tokens: list[Token]) -> None:
    if len(tokens) > MAX_TOKENS:
        raise _too_big(
            f"the query has {len(tokens)} tokens, more than the {MAX_TOKENS} the console takes",
            tokens[MAX_TOKENS].where,
        )
    depth = 0
    for token in tokens:
        if token.kind != "symbol":
            continue
        if token.text in _OPENING:
            depth += 1
            if depth > MAX_NESTING:
                raise _too_big(f"brackets nest more than {MAX_NESTING} deep", token.where)
        elif token.text in _CLOSING:
            depth = max(0, depth - 1)


def _text_for_store(query: str) -> str:
    """``query`` (normalised) without comments, each gap between tokens one space or its line breaks."""
    out: list[str] = []
    gap = ""
    for kind, text, *_ in _pieces(query):
        if kind in ("space", "line_comment", "block_comment"):
            gap += text if kind != "line_comment" else ""
            if kind == "block_comment":
                gap += " "
            continue
        if gap:
            out.append("\n" * gap.count("\n") or " ")
            gap = ""
        out.append(text)
    return "".join(out).strip()


def guard(query: str) -> str:
    """The text the store may run for ``query``; ``CypherRefused`` naming the first rule it breaks."""
    if len(query) > MAX_QUERY_CHARS:
        raise _too_big(
            f"the query has {len(query)} characters, more than the {MAX_QUERY_CHARS} the console takes",
            "line 1, column 1",
        )
    text = normalise(query)
    tokens = tokenize(text)
    _check_size(tokens)
    for i, token in enumerate(tokens):
        if token.kind == "word" and _is_keyword(tokens, i):
            refusal = _refusal(tokens, i)
            if refusal is not None:
                raise refusal
    first = tokens[0] if tokens else None
    if first is None or first.kind != "word" or first.upper not in FIRST_CLAUSES:
        found = f"{first.text!r}" if first is not None else "nothing"
        raise _refuse(
            f"a query starts with MATCH, OPTIONAL MATCH, WITH, UNWIND, RETURN or CALL, not {found}",
            first.where if first is not None else "line 1, column 1",
        )
    return _text_for_store(text)
