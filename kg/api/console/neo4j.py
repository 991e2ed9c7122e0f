"""The Neo4j store's ``CypherRunner``: the user's query in a READ session, with a server-side time limit.

Three locks keep the console read-only: ``read_only`` (kg.api.console.guard) refuses write clauses,
commands and procedure calls before the query is sent; Neo4j's own ``EXPLAIN`` plan of it must use
reading operators only (kg.api.console.plan) before it runs; and the session's READ access mode
makes the server refuse any write that got past both (reported as ``CypherRefused``). Each query
carries a tag in its transaction metadata; a query still running ``WATCHDOG_S`` after its time
limit is terminated by that tag (Neo4j's own timeout does not stop every expression loop). At
most ``row_cap + 1`` records are pulled (the extra one only sets ``truncated``). Nodes and
relationships come back with the embedded model's ids and properties (kg.store.neo4j.rows), so the
page draws the same graph whichever store answers; relationship ends no cell returned are fetched
in one more read.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Mapping
from typing import Any

from neo4j import READ_ACCESS, Driver, Query
from neo4j.exceptions import (
    ClientError,
    DriverError,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
)
from neo4j.graph import Node, Path, Relationship

from kg.api.console.errors import (
    CypherError,
    CypherParamsError,
    CypherRefused,
    CypherSyntaxError,
    CypherTimeout,
    CypherUnavailable,
)
from kg.api.console.plan import check_plan
from kg.api.console.runner import ROW_CAP, TIMEOUT_S, CypherResult, CypherRunner, read_only
from kg.api.console.values import GraphCollector, node_value, path_value, plain, relationship_value
from kg.errors import KgError
from kg.store.cypher import query as named_query
from kg.store.neo4j.rows import edge_from_neo4j, node_from_neo4j
from kg.store.neo4j.settings import one_line

WATCHDOG_S = 2.0
"""Seconds past its time limit after which a still running query is terminated by its tag."""
TAG = "kgConsole"

NodeValues = dict[str, dict[str, Any]]
"""Console node values by Neo4j element id."""


def _node(labels: Any, props: Mapping[str, Any]) -> dict[str, Any]:
    node_id, attrs = node_from_neo4j(labels, props)
    return node_value(node_id, [str(attrs["label"])], attrs)


class _Cells:
    """Turns driver values into console cells, with nodes known by element id."""

    def __init__(self, nodes: NodeValues) -> None:
        self.nodes = nodes

    def node(self, node: Node) -> dict[str, Any]:
        if node.element_id not in self.nodes:
            self.nodes[node.element_id] = _node(node.labels, dict(node))
        return self.nodes[node.element_id]

    def relationship(self, rel: Relationship) -> dict[str, Any]:
        start, end = rel.start_node, rel.end_node
        source = self.nodes[start.element_id]["id"] if start is not None else ""
        target = self.nodes[end.element_id]["id"] if end is not None else ""
        key, attrs = edge_from_neo4j(rel.type, dict(rel))
        return relationship_value(f"{source}->{target}#{key}", rel.type, source, target, attrs)

    def cell(self, value: Any) -> Any:
        if isinstance(value, Node):
            return self.node(value)
        if isinstance(value, Relationship):
            return self.relationship(value)
        if isinstance(value, Path):
            return path_value([self.node(n) for n in value.nodes], [self.relationship(r) for r in value.relationships])
        if isinstance(value, (list, tuple)):
            return [self.cell(v) for v in value]
        if isinstance(value, Mapping):
            return {str(k): self.cell(v) for k, v in value.items()}
        return plain(value)


def _ends(value: Any, found: set[str]) -> None:
    """Element ids of relationship ends that no node value in ``value`` carries (collected into ``found``)."""
    if isinstance(value, Relationship):
        found.update(n.element_id for n in (value.start_node, value.end_node) if n is not None)
    elif isinstance(value, (list, tuple)):
        for v in value:
            _ends(v, found)
    elif isinstance(value, Mapping):
        for v in value.values():
            _ends(v, found)


def _translate(error: Neo4jError | DriverError, timeout_s: float) -> CypherError:
    """A driver or server error as the console's error, in one line."""
    message = one_line(error)
    if isinstance(error, (ServiceUnavailable, SessionExpired)):
        return CypherUnavailable(f"Neo4j cannot be reached: {message}")
    code = getattr(error, "code", None) or ""
    if "AccessMode" in code or "Forbidden" in code or "WriteOnReadOnlyAccessDatabase" in code:
        return CypherRefused(f"the console is read-only and Neo4j refused a write: {message}")
    if "TransactionTimedOut" in code or "Terminated" in code:
        return CypherTimeout(
            f"the query ran longer than {timeout_s:g} s and was stopped; add a LIMIT or narrow the MATCH"
        )
    if "ParameterMissing" in code or "ParameterNotProvided" in code:
        return CypherParamsError(message)
    if "Syntax" in code or isinstance(error, ClientError):
        return CypherSyntaxError(message)
    if isinstance(error, DriverError):
        return CypherUnavailable(f"Neo4j failed: {message}")
    return CypherError(message)


class Neo4jCypher:
    """Read-only Cypher on a Neo4j server: full Cypher 5, reads only."""

    engine = "Neo4j (Cypher 5)"
    subset = "full Cypher 5, read-only: MATCH, OPTIONAL MATCH, WITH, UNWIND, RETURN, CALL { } subqueries, functions"

    def __init__(
        self,
        driver: Callable[[], Driver],
        database: str | None = None,
        row_cap: int = ROW_CAP,
        timeout_s: float = TIMEOUT_S,
    ) -> None:
        """``driver`` hands out the shared driver (``Neo4jReadsFactory.driver``: it checks the server answers)."""
        self._driver = driver
        self.database = database
        self.row_cap = row_cap
        self.timeout_s = timeout_s
        self.deadline_s = 2 * timeout_s + WATCHDOG_S + 3  # the plan, the query, the watchdog, the answer

    def _terminate(self, driver: Driver, tag: str) -> None:
        """Terminate the transactions carrying ``tag`` (the watchdog; errors only mean there is nothing to stop)."""
        try:
            with driver.session(database=self.database) as session:
                ids = [
                    r["id"]
                    for r in session.run(
                        "SHOW TRANSACTIONS YIELD transactionId AS id, metaData WHERE metaData[$key] = $tag RETURN id",
                        {"key": TAG, "tag": tag},
                    )
                ]
                if ids:
                    session.run("TERMINATE TRANSACTIONS $ids", {"ids": ids}).consume()
        except (Neo4jError, DriverError, OSError):
            pass

    def run(self, query: str, params: Mapping[str, Any]) -> CypherResult:
        try:
            driver = self._driver()
        except KgError as error:
            raise CypherUnavailable(str(error)) from error
        tag = uuid.uuid4().hex
        watchdog = threading.Timer(self.timeout_s + WATCHDOG_S, self._terminate, (driver, tag))
        watchdog.daemon = True
        try:
            with driver.session(database=self.database, default_access_mode=READ_ACCESS) as session:
                explained = session.run(Query("EXPLAIN " + query, timeout=self.timeout_s), dict(params)).consume()
                check_plan(explained.query_type, explained.plan)
                watchdog.start()
                result = session.run(Query(query, timeout=self.timeout_s, metadata={TAG: tag}), dict(params))
                columns = list(result.keys())
                records = []
                for record in result:
                    records.append(list(record.values()))
                    if len(records) > self.row_cap:
                        break
                result.consume()
                watchdog.cancel()
                rows_raw = records[: self.row_cap]
                cells = _Cells({})
                ends: set[str] = set()
                for row in rows_raw:
                    _seen_nodes(row, cells)  # nodes first, so relationships find their ends among them
                    _ends(row, ends)
                missing = sorted(ends - set(cells.nodes))
                if missing:
                    for rec in session.run(named_query("reads_nodes_by_element_id"), {"eids": missing}):
                        cells.nodes[rec["eid"]] = _node(rec["labels"], rec["props"])
        except (Neo4jError, DriverError) as error:
            raise _translate(error, self.timeout_s) from error
        finally:
            watchdog.cancel()
        rows = [[cells.cell(v) for v in row] for row in rows_raw]
        collector = GraphCollector()
        for row in rows:
            collector.add(row)
        by_id = {v["id"]: v for v in cells.nodes.values()}
        graph_nodes, graph_edges = collector.graph(by_id.get)
        return CypherResult(
            columns=columns, rows=rows, nodes=graph_nodes, edges=graph_edges, truncated=len(records) > self.row_cap
        )


def _seen_nodes(value: Any, cells: _Cells) -> None:
    if isinstance(value, Node):
        cells.node(value)
    elif isinstance(value, Path):
        for n in value.nodes:
            cells.node(n)
    elif isinstance(value, (list, tuple)):
        for v in value:
            _seen_nodes(v, cells)
    elif isinstance(value, Mapping):
        for v in value.values():
            _seen_nodes(v, cells)


def neo4j_cypher(driver: Callable[[], Driver], database: str | None = None) -> CypherRunner:
    """The console runner for Neo4j, behind the write guard."""
    return read_only(Neo4jCypher(driver, database))
