"""The Cypher console's contract: a read-only ``CypherRunner`` any store can implement, and its result.

The HTTP endpoint (``kg.api.console.endpoint``) knows only this module. The embedded store's runner is
``kg.api.console.embedded`` (grand-cypher over networkx in a worker process). A Neo4j runner
plugs in behind the same protocol: a session opened with ``default_access_mode=READ_ACCESS``,
``session.run(neo4j.Query(text, timeout=timeout_s), params)``, at most ``row_cap + 1`` records
fetched (the extra one only to set ``truncated``), and nodes, relationships and paths turned
into the values of ``kg.api.console.values``. Whatever the store, ``read_only`` wraps the runner
so write clauses and procedure calls are refused (``kg.api.console.guard``) and parameters checked
(``kg.api.console.params``) before it sees them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from kg.api.console.errors import (
    CypherError,
    CypherParamsError,
    CypherRefused,
    CypherSyntaxError,
    CypherTimeout,
    CypherUnavailable,
)
from kg.api.console.guard import guard
from kg.api.console.params import check_params

ROW_CAP = 1000
"""At most this many rows come back; the result says ``truncated`` when there were more."""

TIMEOUT_S = 10.0
"""A query still running after this many seconds is stopped."""

__all__ = [
    "ROW_CAP",
    "TIMEOUT_S",
    "CypherError",
    "CypherParamsError",
    "CypherRefused",
    "CypherResult",
    "CypherRunner",
    "CypherSyntaxError",
    "CypherTimeout",
    "CypherUnavailable",
    "read_only",
]


@dataclass(frozen=True)
class CypherResult:
    """Rows under named columns, plus every node and relationship found in them, drawn as a graph."""

    columns: list[str]
    rows: list[list[Any]]
    nodes: list[dict[str, Any]] = field(default_factory=list)
    edges: list[dict[str, Any]] = field(default_factory=list)
    truncated: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "columns": self.columns,
            "rows": self.rows,
            "graph": {"nodes": self.nodes, "edges": self.edges},
            "truncated": self.truncated,
        }


@runtime_checkable
class CypherRunner(Protocol):
    """Runs one read-only Cypher query against a store, within ``row_cap`` rows and ``timeout_s`` seconds."""

    engine: str
    """What runs the query, in words (shown on the console page)."""
    subset: str
    """Which Cypher it understands, in words (shown on the page and in syntax errors)."""
    row_cap: int
    timeout_s: float
    deadline_s: float
    """How long the console waits for ``run`` before giving up on it (its time limit plus what stopping takes)."""

    def run(self, query: str, params: Mapping[str, Any]) -> CypherResult: ...


class ReadOnlyRunner:
    """A runner whose inner runner sees only queries the guard let through, as the guard read them."""

    def __init__(self, inner: CypherRunner) -> None:
        self.inner = inner
        self.engine = inner.engine
        self.subset = inner.subset
        self.row_cap = inner.row_cap
        self.timeout_s = inner.timeout_s
        self.deadline_s = inner.deadline_s

    def run(self, query: str, params: Mapping[str, Any]) -> CypherResult:
        text = guard(query)
        check_params(params)
        return self.inner.run(text, params)


def read_only(runner: CypherRunner) -> CypherRunner:
    """``runner`` behind the write-clause guard (idempotent)."""
    return runner if isinstance(runner, ReadOnlyRunner) else ReadOnlyRunner(runner)


class UnavailableRunner:
    """The runner for a store the console cannot query (yet): every query gets ``reason``."""

    engine = "none"
    subset = "none"
    row_cap = ROW_CAP
    timeout_s = TIMEOUT_S
    deadline_s = TIMEOUT_S

    def __init__(self, reason: str) -> None:
        self.reason = reason

    def run(self, query: str, params: Mapping[str, Any]) -> CypherResult:
        raise CypherUnavailable(self.reason)
