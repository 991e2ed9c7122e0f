"""How console results carry graph values, whatever the store: tagged nodes, relationships and paths.

A cell holding a node, a relationship or a path is a JSON object with ``kind`` set to
``node``, ``relationship`` or ``path``; the page draws those as a graph and shows the rest
as text. ``GraphCollector`` gathers every node and relationship in a result, so the graph
half of the response is built once, on the server, the same way for every store.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from typing import Any


def plain(value: Any) -> Any:
    """``value`` as JSON can carry it: sets and tuples as lists, non-finite floats and other objects as text."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (set, frozenset)):
        return sorted((plain(v) for v in value), key=str)
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return str(value)


def node_value(node_id: str, labels: Iterable[str], properties: Mapping[str, Any]) -> dict[str, Any]:
    return {"kind": "node", "id": node_id, "labels": sorted(labels), "properties": plain(properties)}


def relationship_value(
    rel_id: str, rel_type: str, start: str, end: str, properties: Mapping[str, Any]
) -> dict[str, Any]:
    return {
        "kind": "relationship",
        "id": rel_id,
        "type": rel_type,
        "start": start,
        "end": end,
        "properties": plain(properties),
    }


def path_value(nodes: list[dict[str, Any]], relationships: list[dict[str, Any]]) -> dict[str, Any]:
    return {"kind": "path", "nodes": nodes, "relationships": relationships}


def display_name(node: Mapping[str, Any]) -> str:
    """What a drawn node is called: its name, else its title, else its id."""
    props = node.get("properties") or {}
    return str(props.get("name") or props.get("title") or node["id"])


class GraphCollector:
    """Every node and relationship in a result, each once, in the order first seen."""

    def __init__(self) -> None:
        self.nodes: dict[str, dict[str, Any]] = {}
        self.edges: dict[str, dict[str, Any]] = {}

    def add(self, value: Any) -> None:
        """Walk one cell (nested lists and paths included)."""
        if isinstance(value, list):
            for item in value:
                self.add(item)
        elif isinstance(value, dict):
            kind = value.get("kind")
            if kind == "node":
                self.nodes.setdefault(value["id"], value)
            elif kind == "relationship":
                self.edges.setdefault(value["id"], value)
            elif kind == "path":
                self.add(value["nodes"])
                self.add(value["relationships"])

    def missing_ends(self) -> list[str]:
        """Node ids relationships end at that no cell returned."""
        ends = (end for edge in self.edges.values() for end in (edge["start"], edge["end"]))
        return sorted({end for end in ends if end not in self.nodes})

    def graph(
        self, lookup: Callable[[str], dict[str, Any] | None]
    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """Nodes and edges to draw; ``lookup`` fetches the node values for ends no cell held."""
        for node_id in self.missing_ends():
            node = lookup(node_id)
            self.nodes[node_id] = node if node is not None else node_value(node_id, [], {})
        nodes = [
            {"id": n["id"], "label": (n["labels"] or [""])[0], "name": display_name(n), "properties": n["properties"]}
            for n in self.nodes.values()
        ]
        edges = [
            {"id": e["id"], "source": e["start"], "target": e["end"], "type": e["type"], "properties": e["properties"]}
            for e in self.edges.values()
        ]
        return nodes, edges
