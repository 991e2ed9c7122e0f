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
from typing import Any

import networkx as nx

from kg.errors import StoreError
from kg.graph.model import KnowledgeGraph

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
        raise StoreError(f"property {sorted(clash)[0]!r} of {next(iter(fields.values()))!r} clashes with a node-link field")
    return {**fields, **attrs}


def from_node_link(data: dict[str, Any]) -> KnowledgeGraph:
    """Inverse of ``to_node_link``."""
    g: KnowledgeGraph = nx.MultiDiGraph()
    for item in data.get("nodes", []):
        attrs = dict(item)
        g.add_node(attrs.pop(NODE_ID), **attrs)
    for item in data.get("edges", []):
        attrs = dict(item)
        source, target, key = attrs.pop(SOURCE), attrs.pop(TARGET), attrs.pop(KEY)
        g.add_edge(source, target, key=key, **attrs)
    return g


def write_json_atomic(path: Path, data: Any) -> None:
    """Write JSON so that ``path`` always holds either the old or the new complete file.

    The JSON streams into a temporary file beside ``path``; only after it is complete and
    fsynced does ``os.replace`` swap it in. Any failure (an unencodable value, a full disk)
    removes the temporary file and leaves ``path`` untouched.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False, sort_keys=True, indent=1, allow_nan=False)
            handle.write("\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException as error:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(error, (TypeError, ValueError, OSError)):
            raise StoreError(f"cannot write {path}: {error}") from error
        raise
    _fsync_dir(path.parent)


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
        data = json.loads(path.read_text(encoding="utf-8"))
        return from_node_link(data)
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise StoreError(f"cannot read graph file {path}: {error}") from error
