"""Cypher rewritten for grand-cypher: parameters inlined as literals it reads back, strings and aggregates its way."""

from __future__ import annotations

import math

import networkx as nx
import pytest
from grandcypher import GrandCypher

from kg.api.console.dialect import to_grand_cypher
from kg.api.console.errors import CypherParamsError


def test_parameters_become_literals() -> None:
    query = "MATCH (n) WHERE n.name = $name AND n.k IN $keys AND n.c > $c AND n.f = $flag AND n.z = $none RETURN n"
    params = {"name": 'Lo"RA \\ é', "keys": ["a", 1, 2.5], "c": 0.5, "flag": True, "none": None}
    assert to_grand_cypher(query, params) == (
        'MATCH (n) WHERE n.name = "Lo\\"RA \\\\ é" AND n.k IN ["a", 1, 2.5] AND n.c > 0.5 AND n.f = true '
        "AND n.z = null RETURN n"
    )


def test_a_parameter_inside_a_string_or_comment_stays_as_written() -> None:
    rewritten = to_grand_cypher('MATCH (n) // uses $x\nWHERE n.name = "$x" RETURN n', {})
    assert rewritten == 'MATCH (n) \nWHERE n.name = "$x" RETURN n'


def test_single_quoted_strings_escapes_aggregates_and_a_trailing_semicolon() -> None:
    rewritten = to_grand_cypher(
        "MATCH (n) WHERE n.name = 'it\\'s \"x\"\\n' RETURN n.label, count(n), collect(n.name);", {}
    )
    assert rewritten == 'MATCH (n) WHERE n.name = "it\'s \\"x\\"\\n" RETURN n.label, COUNT(n), COLLECT(n.name)'


def test_the_literals_read_back_as_the_same_values() -> None:
    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    tricky = 'quote " backslash \\ newline \n unicode é ☃'
    graph.add_node("a", name=tricky, __labels__={"Thing"})
    graph.add_node("b", name="other", __labels__={"Thing"})
    found = GrandCypher(graph).run(to_grand_cypher("MATCH (n:Thing) WHERE n.name = $v RETURN id(n)", {"v": tricky}))
    assert list(found.values()) == [["a"]]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({}, r"no value given for \$v"),
        ({"v": {"a": 1}}, r"parameter \$v is a map"),
        ({"v": math.nan}, r"parameter \$v is nan"),
        ({"v": [{"a": 1}]}, r"parameter \$v is a map"),
    ],
)
def test_parameters_it_cannot_take_are_refused(params: dict[str, object], message: str) -> None:
    with pytest.raises(CypherParamsError, match=message):
        to_grand_cypher("MATCH (n) WHERE n.name = $v RETURN n", params)
