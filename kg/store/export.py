"""Export the graph for other tools: node-link JSON, GraphML, or CSV (nodes.csv + relationships.csv).

CSV columns: nodes.csv ``node_id, label`` then every property; relationships.csv
``from, to, type, key`` then every property (the same names the node-link JSON uses).

GraphML and CSV cells hold scalars only, so lists and mappings (aliases, ``on``) are written
as JSON strings and missing values as empty cells.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import networkx as nx

from kg.errors import StoreError
from kg.graph.model import KnowledgeGraph
from kg.store.base import EXPORT_FORMATS, ExportFormat
from kg.store.serialize import KEY, NODE_ID, SOURCE, TARGET, to_node_link, write_json_atomic

NODE_COLUMNS = (NODE_ID, "label")
EDGE_COLUMNS = (SOURCE, TARGET, "type", KEY)


def _scalar(value: Any) -> str | int | float | bool:
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def to_graphml_graph(g: KnowledgeGraph) -> KnowledgeGraph:
    """A copy with list/dict attributes as JSON strings and None attributes dropped, in sorted order."""
    out: KnowledgeGraph = nx.MultiDiGraph()
    for node in sorted(g.nodes):
        out.add_node(node, **{k: _scalar(v) for k, v in sorted(g.nodes[node].items()) if v is not None})
    for u, v, k, d in sorted(g.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
        out.add_edge(u, v, key=k, **{a: _scalar(b) for a, b in sorted(d.items()) if b is not None})
    return out


def _write_csv(path: Path, fixed: tuple[str, ...], rows: list[dict[str, Any]]) -> None:
    extra = sorted({k for row in rows for k in row} - set(fixed))
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=[*fixed, *extra])
        writer.writeheader()
        for row in rows:
            writer.writerow({k: "" if v is None else _scalar(v) for k, v in row.items()})


def export_graph(g: KnowledgeGraph, path: Path, format: ExportFormat) -> Path:
    """Write ``g`` to ``path`` (a file for json/graphml, a directory for csv); returns ``path``."""
    if format not in EXPORT_FORMATS:
        raise StoreError(f"unknown export format {format!r}; use one of {', '.join(EXPORT_FORMATS)}")
    path = Path(path)
    try:
        if format == "json":
            write_json_atomic(path, to_node_link(g))
        elif format == "graphml":
            path.parent.mkdir(parents=True, exist_ok=True)
            nx.write_graphml(to_graphml_graph(g), path)
        else:
            path.mkdir(parents=True, exist_ok=True)
            data = to_node_link(g)
            _write_csv(path / "nodes.csv", NODE_COLUMNS, data["nodes"])
            edges = [{"type": e.get("type"), **e} for e in data["edges"]]
            _write_csv(path / "relationships.csv", EDGE_COLUMNS, edges)
    except OSError as error:
        raise StoreError(f"cannot export to {path}: {error}") from error
    return path
