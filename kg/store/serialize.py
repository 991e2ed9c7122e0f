"""The graph as node-link JSON: deterministic (sorted) so equal graphs give equal bytes, written atomically.

Node-link layout as networkx reads it with ``nx.node_link_graph(data, edges="edges",
name="node_id", source="from", target="to")``. The field names step aside for the model's own
properties: Paper nodes have an ``id`` and IS_A edges a ``source``.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any, TextIO

import networkx as nx

from kg.errors import StoreError
from kg.graph.model import KnowledgeGraph
from kg.store.evidence import EvidencePool
from kg.store.tempfiles import SUFFIX, hold, prefix, sweep_stale

NODE_ID = "node_id"
SOURCE = "from"
TARGET = "to"
KEY = "key"
FORMAT = "kg-node-link/1"


def to_node_link(g: KnowledgeGraph) -> dict[str, Any]:
    """Node-link data with nodes sorted by id and edges by (source, target, key)."""
    nodes = [_record({NODE_ID: n}, g.nodes[n]) for n in sorted(g.nodes)]
    edges = [
        _record({SOURCE: u, TARGET: v, KEY: k}, d)
        for u, v, k, d in sorted(g.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2]))
    ]
    return {
        "directed": True,
        "multigraph": True,
        "graph": {"format": FORMAT, "node_id": NODE_ID, "source": SOURCE, "target": TARGET},
        "nodes": nodes,
        "edges": edges,
    }


def _record(fields: dict[str, Any], attrs: dict[str, Any]) -> dict[str, Any]:
    clash = set(fields) & set(attrs)
    if clash:
        raise StoreError(
            f"property {sorted(clash)[0]!r} of {next(iter(fields.values()))!r} clashes with a node-link field"
        )
    return {**fields, **attrs}


def from_node_link(data: dict[str, Any]) -> KnowledgeGraph:
    """Inverse of ``to_node_link``; the claims of one sentence share one evidence string in memory."""
    g: KnowledgeGraph = nx.MultiDiGraph()
    g.add_nodes_from((item.pop(NODE_ID), item) for item in map(dict, data.get("nodes", [])))
    pool = EvidencePool()
    edges = ((e.pop(SOURCE), e.pop(TARGET), e.pop(KEY), pool.share(e)) for e in map(dict, data.get("edges", [])))
    # (u, v, key, data) edges: networkx's MultiGraph takes them, types-networkx knows only (u, v[, data])
    g.add_edges_from(edges)  # type: ignore[arg-type]
    return g


def write_json_atomic(path: Path, data: Any) -> None:
    """Write JSON so that ``path`` always holds either the old or the new complete file.

    The JSON streams into a temporary file beside ``path``; only after it is complete and
    fsynced does ``os.replace`` swap it in. Any failure (an unencodable value, a full disk)
    removes the temporary file and leaves ``path`` untouched; the temporary files of writers that
    were killed before they could (kg.store.tempfiles) are removed first.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    sweep_stale(path)
    fd, tmp = tempfile.mkstemp(prefix=prefix(path), suffix=SUFFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            hold(handle.fileno())  # marks the file as being written, so a concurrent sweep leaves it alone
            _dump_lines(data, handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException as error:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(error, (TypeError, ValueError, OSError)):
            raise StoreError(f"cannot write {path}: {error}") from error
        raise
    _fsync_dir(path.parent)


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, allow_nan=False)


def _dump_lines(data: Any, handle: TextIO) -> None:
    """Sorted JSON with each item of a top-level list on its own line: diff-friendly, yet written by
    the C encoder (``indent`` would switch ``json`` to its pure-Python one, minutes at 100k papers)."""
    if not isinstance(data, dict):
        handle.write(_compact(data) + "\n")
        return
    handle.write("{\n")
    keys = sorted(data)
    for i, key in enumerate(keys):
        value = data[key]
        handle.write(f"{_compact(key)}: ")
        if isinstance(value, list) and value:
            handle.write("[\n")
            for j, item in enumerate(value):
                handle.write(_compact(item) + (",\n" if j < len(value) - 1 else "\n"))
            handle.write("]")
        else:
            handle.write(_compact(value))
        handle.write(",\n" if i < len(keys) - 1 else "\n")
    handle.write("}\n")


def _fsync_dir(directory: Path) -> None:
    """Make the rename itself durable (where the platform allows opening a directory)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_graph(path: Path, g: KnowledgeGraph) -> None:
    write_json_atomic(path, to_node_link(g))


def read_graph(path: Path) -> KnowledgeGraph:
    """The graph saved at ``path``; an empty graph when there is no file yet."""
    if not path.exists():
        empty: KnowledgeGraph = nx.MultiDiGraph()
        return empty
    try:
        with path.open(encoding="utf-8") as handle:
            return from_node_link(_load_lines(handle))
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise StoreError(f"cannot read graph file {path}: {error}") from error


def _load_lines(handle: TextIO) -> Any:
    """JSON as ``_dump_lines`` lays it out, one list item per line, parsed a line at a time.

    As fast as one ``json.loads`` of the whole text, but that one call would hold the GIL for
    as long as a large graph takes to parse (half a second at 6,000 papers), stalling every
    other thread of a server that reloads the graph in the background. Any other layout is
    parsed whole.
    """
    first = handle.readline()
    if first.strip() != "{":
        return json.loads(first + handle.read())
    data: dict[str, Any] = {}
    items: list[Any] | None = None
    for line in handle:
        text = line.strip()
        if items is not None:
            if text in ("]", "],"):
                items = None
            else:
                items.append(json.loads(text.removesuffix(",")))
            continue
        if text == "}":
            break
        key, _, value = text.partition(": ")
        name = json.loads(key)
        if value == "[":
            items = data[name] = []
        else:
            data[name] = json.loads(value.removesuffix(","))
    if items is not None:
        raise ValueError("the file ends inside a list")
    return data
