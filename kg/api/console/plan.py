"""Neo4j's own reading of a console query: its ``EXPLAIN`` plan may use reading operators only.

The token guard (``kg.api.console.guard``) is a list of what to refuse; this is the allow-list
behind it. Neo4j parses and plans the query without running it, and every operator of the
plan must be one that reads (scans, seeks, expands, filters, joins, projections, sorting,
aggregation). A procedure call must name one of ``ALLOWED_PROCEDURES``. ``LoadCSV``, every
write operator, ``Show…`` / ``Terminate…`` commands and administration commands are not on
the list, so they are refused whatever text produced them, as is any operator a later Neo4j
adds until someone puts it here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from kg.api.console.errors import CypherRefused
from kg.api.console.guard import ALLOWED_PROCEDURES, READ_ONLY

READ_OPERATORS = frozenset(
    {
        # leaves: scans and seeks
        "AllNodesScan",
        "NodeByLabelScan",
        "UnionNodeByLabelsScan",
        "IntersectionNodeByLabelsScan",
        "SubtractionNodeByLabelsScan",
        "NodeByIdSeek",
        "NodeByElementIdSeek",
        "NodeIndexSeek",
        "NodeUniqueIndexSeek",
        "MultiNodeIndexSeek",
        "AssertingMultiNodeIndexSeek",
        "NodeIndexSeekByRange",
        "NodeUniqueIndexSeekByRange",
        "NodeIndexScan",
        "NodeIndexContainsScan",
        "NodeIndexEndsWithScan",
        "DirectedAllRelationshipsScan",
        "UndirectedAllRelationshipsScan",
        "DirectedRelationshipTypeScan",
        "UndirectedRelationshipTypeScan",
        "DirectedUnionRelationshipTypesScan",
        "UndirectedUnionRelationshipTypesScan",
        "DirectedRelationshipByIdSeek",
        "UndirectedRelationshipByIdSeek",
        "DirectedRelationshipByElementIdSeek",
        "UndirectedRelationshipByElementIdSeek",
        "DirectedRelationshipIndexSeek",
        "UndirectedRelationshipIndexSeek",
        "DirectedRelationshipUniqueIndexSeek",
        "UndirectedRelationshipUniqueIndexSeek",
        "DirectedRelationshipIndexSeekByRange",
        "UndirectedRelationshipIndexSeekByRange",
        "DirectedRelationshipUniqueIndexSeekByRange",
        "UndirectedRelationshipUniqueIndexSeekByRange",
        "DirectedRelationshipIndexScan",
        "UndirectedRelationshipIndexScan",
        "DirectedRelationshipIndexContainsScan",
        "UndirectedRelationshipIndexContainsScan",
        "DirectedRelationshipIndexEndsWithScan",
        "UndirectedRelationshipIndexEndsWithScan",
        "NodeCountFromCountStore",
        "RelationshipCountFromCountStore",
        "Argument",
        "ArgumentTracker",
        "EmptyRow",
        # traversal
        "Expand",
        "OptionalExpand",
        "VarLengthExpand",
        "BFSPruningVarExpand",
        "ShortestPath",
        "StatefulShortestPath",
        "Repeat",
        "NullifyMetadata",
        "ProjectEndpoints",
        "Trail",
        "TriadicSelection",
        "TriadicBuild",
        "TriadicFilter",
        # row operators
        "Filter",
        "Limit",
        "ExhaustiveLimit",
        "Skip",
        "Sort",
        "PartialSort",
        "Top",
        "PartialTop",
        "Top1WithTies",
        "Distinct",
        "OrderedDistinct",
        "Aggregation",
        "EagerAggregation",
        "OrderedAggregation",
        "Projection",
        "ProduceResults",
        "Unwind",
        "Optional",
        "Eager",
        "EmptyResult",
        "CacheProperties",
        "Union",
        "OrderedUnion",
        "CartesianProduct",
        "NodeHashJoin",
        "ValueHashJoin",
        "NodeLeftOuterHashJoin",
        "NodeRightOuterHashJoin",
        "AssertSameNode",
        "AssertSameRelationship",
        "Anti",
        "PreserveOrder",
        "Input",
        # subqueries and pattern predicates
        "Apply",
        "SemiApply",
        "AntiSemiApply",
        "LetSemiApply",
        "LetAntiSemiApply",
        "SelectOrSemiApply",
        "SelectOrAntiSemiApply",
        "LetSelectOrSemiApply",
        "LetSelectOrAntiSemiApply",
        "RollUpApply",
        "ConditionalApply",
        "AntiConditionalApply",
        "ProcedureCall",  # only of ALLOWED_PROCEDURES, checked below
    }
)
"""Operators of Neo4j 5's plans that only read (the operator reference of the Cypher manual)."""

_BASE = re.compile(r"^([A-Za-z0-9]+)")


def operators(plan: Mapping[str, Any]) -> Iterator[tuple[str, str]]:
    """(operator name without runtime suffix or variant, details) of every operator in ``plan``."""
    stack = [plan]
    while stack:
        node = stack.pop()
        raw = str(node.get("operatorType", ""))
        match = _BASE.match(raw.split("@", 1)[0])
        details = node.get("args", {}).get("Details", "")
        yield (match.group(1) if match else raw), str(details)
        stack.extend(node.get("children", []))


def check_plan(query_type: str | None, plan: Mapping[str, Any] | None) -> None:
    """Refuse (``CypherRefused``) a plan that writes, runs a command or calls a procedure not on the list."""
    if query_type not in (None, "r") or plan is None:
        what = {"w": "writes", "rw": "reads and writes", "s": "changes the schema or runs a command"}.get(
            query_type or "", "has no query plan"
        )
        raise CypherRefused(f"{READ_ONLY}: Neo4j plans this query as one that {what}")
    for name, details in operators(plan):
        if name not in READ_OPERATORS:
            raise CypherRefused(f"{READ_ONLY}: Neo4j would run it with the operator {name}, which is not a reading one")
        if name == "ProcedureCall":
            procedure = details.split("(", 1)[0].strip()
            if procedure not in ALLOWED_PROCEDURES:
                raise CypherRefused(f"{READ_ONLY}: the procedure {procedure} is not one the console calls")
