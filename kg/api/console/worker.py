"""The embedded console's worker process: grand-cypher over a labelled copy of graph.json.

It runs apart from the server so a runaway query can be stopped (the process is killed) and
its memory given back. It reads ``graph.json`` itself and keeps it while the file is
unchanged; grand-cypher matches labels and types in a ``__labels__`` set, so every node gets
its ``label`` there and every edge its ``type``, plus the ids (``__id__``, ``__from__``,
``__to__``, ``__key__``) that turn returned attribute dicts back into nodes and relationships.
"""

from __future__ import annotations

import os
import resource
import sys
from collections.abc import Mapping
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from grandcypher import GrandCypher
from lark.exceptions import UnexpectedInput

from kg.api.console.dialect import AGGREGATES, SUBSET, UNSUPPORTED
from kg.api.console.errors import CypherError, CypherMemory, CypherSyntaxError, CypherUnavailable
from kg.api.console.guard import tokenize
from kg.api.console.runner import CypherResult
from kg.api.console.values import GraphCollector, node_value, path_value, plain, relationship_value
from kg.errors import KgError
from kg.graph.model import KnowledgeGraph
from kg.store.serialize import read_graph

LABELS, NODE_ID, SOURCE, TARGET, KEY = "__labels__", "__id__", "__from__", "__to__", "__key__"
INTERNAL = frozenset({LABELS, NODE_ID, SOURCE, TARGET, KEY})


def labelled(graph: KnowledgeGraph) -> KnowledgeGraph:
    """``graph`` with the attributes grand-cypher matches on and the ids results are rebuilt from (in place)."""
    for node, attrs in graph.nodes(data=True):
        attrs[LABELS] = {str(attrs.get("label", ""))}
        attrs[NODE_ID] = node
    for source, target, key, attrs in graph.edges(keys=True, data=True):
        attrs[LABELS] = {str(attrs.get("type", ""))}
        attrs[SOURCE], attrs[TARGET], attrs[KEY] = source, target, key
    return graph


class GraphFile:
    """The labelled graph of one file, re-read when the file changes (mtime, size, inode)."""

    def __init__(self) -> None:
        self._stamp: tuple[str, int, int, int] | None = None
        self._graph: KnowledgeGraph | None = None

    def current(self, path: Path) -> KnowledgeGraph:
        try:
            st = os.stat(path)
            stamp = (str(path), st.st_mtime_ns, st.st_size, st.st_ino)
        except FileNotFoundError:
            stamp = (str(path), 0, 0, 0)
        if self._graph is None or stamp != self._stamp:
            self._graph = None
            self._graph = labelled(read_graph(path))
            self._stamp = stamp
        return self._graph


def _properties(attrs: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in attrs.items() if k not in INTERNAL}


def _node(graph: KnowledgeGraph, node_id: str) -> dict[str, Any] | None:
    if node_id not in graph:
        return None
    attrs = graph.nodes[node_id]
    return node_value(node_id, [str(attrs.get("label", ""))], _properties(attrs))


def _is_edge(value: Any) -> bool:
    return isinstance(value, dict) and SOURCE in value and TARGET in value


def _edge(attrs: Mapping[str, Any]) -> dict[str, Any]:
    rel_id = f"{attrs[SOURCE]}->{attrs[TARGET]}#{attrs.get(KEY, '')}"
    return relationship_value(rel_id, str(attrs.get("type", "")), attrs[SOURCE], attrs[TARGET], _properties(attrs))


def cell(graph: KnowledgeGraph, value: Any) -> Any:
    """One returned value as the console shows it: nodes, relationships and paths tagged, the rest plain."""
    if isinstance(value, dict) and NODE_ID in value:
        return _node(graph, value[NODE_ID])
    if _is_edge(value):
        return _edge(value)
    if isinstance(value, dict) and value and all(_is_edge(v) for v in value.values()):
        return [_edge(v) for v in value.values()]  # parallel edges of a multigraph, by key
    if (
        isinstance(value, list)
        and len(value) % 2 == 1
        and len(value) > 1
        and all(isinstance(v, str) and v in graph for v in value[::2])
    ):  # a path: node id, {key: edge}, node id, …
        nodes = [_node(graph, v) for v in value[::2]]
        relationships = [edge for hop in value[1::2] for edge in (cell(graph, hop) or [])]
        if all(isinstance(r, dict) for r in relationships):
            return path_value([n for n in nodes if n is not None], relationships)
    if isinstance(value, list):
        return [cell(graph, v) for v in value]
    return plain(value)


def _order(columns: list[str], runner: Any) -> list[str]:
    """Columns in RETURN order (grand-cypher's result dict is not), from its parsed request where it has one."""
    try:
        executor = runner._transformer._executors[0]
        aliases = executor._entity2alias
        asked = [str(r) for r in executor._return_requests] + [str(f) for f in executor._aggregate_functions]
        wanted = [aliases.get(a, a) for a in asked]
    except (AttributeError, IndexError):  # another grand-cypher version: keep its order
        return columns
    return [c for c in wanted if c in columns] + [c for c in columns if c not in wanted]


def _syntax_message(error: Exception, query: str) -> str:
    """A parse error as: where, what was found, the line with a caret, and what the subset is."""
    line, column = getattr(error, "line", None), getattr(error, "column", None)
    found = getattr(error, "char", None) or getattr(getattr(error, "token", None), "value", None)
    words = {t.upper for t in tokenize(query) if t.kind == "word"}
    unsupported = [w for w in UNSUPPORTED if w in words]
    head = f"{unsupported[0]} is not supported by the embedded store's console. " if unsupported else ""
    where = f"Cannot parse the query at line {line}, column {column}" if line else "Cannot parse the query"
    found_text = f" (unexpected {found!r})" if found else ""
    context = ""
    if line and hasattr(error, "get_context"):
        context = "\n" + str(error.get_context(query)).rstrip()
    return f"{head}{where}{found_text}.{context}\nThe embedded store's console runs {SUBSET}"


def execute(graph: KnowledgeGraph, query: str, row_cap: int) -> CypherResult:
    """Run ``query`` (parameters already inlined) and cut the rows to ``row_cap``."""
    tokens = tokenize(query)
    aggregates = any(t.upper in AGGREGATES for t in tokens if t.kind == "word")
    distinct = any(t.upper == "DISTINCT" for t in tokens if t.kind == "word")
    # A default LIMIT stops matching early, but grand-cypher would apply it before aggregating or
    # removing duplicates, so those queries run whole and are cut afterwards.
    runner = GrandCypher(graph, limit=None if aggregates or distinct else row_cap + 1)
    try:
        raw = runner.run(query)
    except UnexpectedInput as error:
        raise CypherSyntaxError(_syntax_message(error, query)) from None
    except RecursionError:
        raise CypherSyntaxError("the query is nested too deeply for grand-cypher") from None
    except MemoryError:
        raise  # the worker's memory cap: ``serve`` answers it and ends the worker
    except Exception as error:  # grand-cypher's own failures (e.g. ORDER BY over mixed types)
        raise CypherSyntaxError(
            f"grand-cypher parsed the query but failed running it ({type(error).__name__}: {error}). Known causes: "
            "ORDER BY or a comparison over a property some matches lack (e.g. name on papers, which have a title), "
            f"DISTINCT over a function. The embedded store's console runs {SUBSET}"
        ) from None
    by_name = {str(k): v for k, v in raw.items()}
    columns = _order(list(by_name), runner)
    height = max((len(v) for v in by_name.values()), default=0)
    lists = [list(by_name[c]) + [None] * (height - len(by_name[c])) for c in columns]
    rows = [[cell(graph, col[i]) for col in lists] for i in range(min(height, row_cap))]
    collector = GraphCollector()
    for row in rows:
        collector.add(row)
    nodes, edges = collector.graph(lambda node_id: _node(graph, node_id))
    return CypherResult(columns=columns, rows=rows, nodes=nodes, edges=edges, truncated=height > row_cap)


def serve(conn: Connection, memory_mb: int = 0) -> None:
    """The worker's loop: (path, query, row cap) in; ("loaded",) then ("ok", result) or ("error", kind, message) out.

    A query that runs out of the worker's memory (``memory_mb``, its address-space limit) is
    answered with an error and the worker ends, giving all its memory back; the next query starts
    a fresh one.
    """
    graph_file = GraphFile()
    while True:
        try:
            path, query, row_cap = conn.recv()
        except (EOFError, OSError):  # the server went away
            return
        try:
            graph = graph_file.current(Path(path))
            conn.send(("loaded",))
            conn.send(("ok", execute(graph, query, row_cap).to_json()))
        except CypherError as error:
            conn.send(("error", error.kind, str(error)))
        except KgError as error:  # the file cannot be read
            conn.send(("error", CypherUnavailable.kind, str(error)))
        except MemoryError:
            graph_file = GraphFile()  # drop what can be dropped so the answer can be sent
            conn.send(
                (
                    "error",
                    CypherMemory.kind,
                    f"the query needed more than the console's {memory_mb} MB of "
                    "memory and was stopped; add a LIMIT or narrow the MATCH",
                )
            )
            return


def limit_memory(memory_mb: int) -> None:
    """Cap this process's address space at ``memory_mb`` (0: no cap), so a runaway query fails with MemoryError."""
    if memory_mb > 0:
        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def main(argv: list[str]) -> None:
    """``python -m kg.api.console.worker FD [MEMORY_MB]``: serve the socket inherited as file descriptor FD."""
    sys.stdout = sys.stderr  # nothing may write to the server's stdout from here
    memory_mb = int(argv[2]) if len(argv) > 2 else 0
    limit_memory(memory_mb)
    serve(Connection(int(argv[1])), memory_mb)


if __name__ == "__main__":
    main(sys.argv)
