"""Cypher as grand-cypher parses it: parameters filled in, strings double-quoted, aggregates in capitals.

grand-cypher has no parameters, so each ``$name`` becomes a JSON literal of its value, which
grand-cypher reads back as the same Python value. The query is rewritten token by token
(``kg.api.console.guard.tokenize``), so a ``$name`` inside a string or a comment stays as it
is. String literals become JSON strings (grand-cypher parses double quotes only; Cypher allows
single ones too); comments go but keep their line breaks, so error positions still match;
one trailing ``;`` goes; ``count(`` becomes ``COUNT(`` (grand-cypher knows capitals only).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from typing import Any

from kg.api.console.errors import CypherParamsError
from kg.api.console.guard import Token, tokenize

AGGREGATES = frozenset({"COUNT", "SUM", "AVG", "MIN", "MAX", "COLLECT"})
SUBSET = (
    "the Cypher subset grand-cypher supports: MATCH patterns (labels, relationship types, A|B, {key: value} maps, "
    "variable length -[*1..3]->, named paths p = …), several MATCH clauses, WHERE with = <> < > <= >=, AND / OR / NOT, "
    "IN [list], CONTAINS, STARTS WITH, ENDS WITH, IS NULL, EXISTS { … }; "
    "RETURN [DISTINCT] … AS alias with id(), type(), "
    "toLower(), toUpper(), trim(), size(), coalesce() and COUNT / SUM / AVG / MIN / MAX / COLLECT; "
    "ORDER BY, SKIP, LIMIT. "
    "Not supported: OPTIONAL MATCH, WITH, UNWIND, UNION, CASE, list and map expressions. $parameters are filled in "
    "before the query runs."
)
UNSUPPORTED = ("OPTIONAL", "WITH", "UNWIND", "UNION", "CASE", "CALL", "USE", "SHOW")
"""Clauses grand-cypher does not parse, named in its syntax errors."""


def literal(name: str, value: Any) -> str:
    """``value`` as a Cypher literal grand-cypher parses; maps and non-JSON values are refused."""
    if value is None or isinstance(value, bool):
        return json.dumps(value)
    if isinstance(value, (int, float)):
        if isinstance(value, float) and not math.isfinite(value):
            raise CypherParamsError(f"parameter ${name} is {value}; only finite numbers can be parameters")
        return json.dumps(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(literal(name, item) for item in value) + "]"
    kind = "a map" if isinstance(value, Mapping) else type(value).__name__
    raise CypherParamsError(
        f"parameter ${name} is {kind}; the embedded console (grand-cypher) takes strings, numbers, "
        "booleans, null and lists of those"
    )


def _param_name(token: Token) -> str:
    name = token.text[1:]
    return name[1:-1].replace("``", "`") if name.startswith("`") else name


_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "'": "'", '"': '"', "\\": "\\"}
_ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}|.)", re.DOTALL)


def string_value(token: Token) -> str:
    """The value of a Cypher string literal (either quote; escapes \\n \\t \\' \\" \\\\ \\uXXXX)."""

    def unescape(match: re.Match[str]) -> str:
        code = match.group(1)
        return chr(int(code[1:], 16)) if code.startswith("u") else _ESCAPES.get(code, "\\" + code)

    return _ESCAPE.sub(unescape, token.text[1:-1])


def to_grand_cypher(query: str, params: Mapping[str, Any]) -> str:
    """The query with every ``$name`` replaced by its value, ready for grand-cypher."""
    tokens = tokenize(query)
    if tokens and tokens[-1].text == ";" and tokens[-1].kind == "symbol":
        tokens = tokens[:-1]
    missing = sorted({_param_name(t) for t in tokens if t.kind == "param"} - set(params))
    if missing:
        names = ", ".join(f"${m}" for m in missing)
        raise CypherParamsError(f'no value given for {names} (set it in Parameters, e.g. {{"{missing[0]}": "LoRA"}})')
    out: list[str] = []
    end = 0
    for i, token in enumerate(tokens):
        gap = query[end : token.start]
        out.append(gap if not gap or gap.isspace() else " " + "\n" * gap.count("\n"))  # a comment: its line breaks stay
        if token.kind == "param":
            out.append(literal(_param_name(token), params[_param_name(token)]))
        elif token.kind == "string":
            out.append(json.dumps(string_value(token), ensure_ascii=False))
        elif token.kind == "word" and token.upper in AGGREGATES and i + 1 < len(tokens) and tokens[i + 1].text == "(":
            out.append(token.upper)
        else:
            out.append(token.text)
        end = token.start + len(token.text)
    return "".join(out)
