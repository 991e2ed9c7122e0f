"""Graph stage: resolved records → the DESIGN.md graph model (networkx MultiDiGraph) and reads over it."""

from kg.graph.builder import build_graph
from kg.graph.derive import alias_index, prune, refresh
from kg.graph.model import KnowledgeGraph, entity_node, family_node, paper_node, stats

__all__ = [
    "KnowledgeGraph",
    "alias_index",
    "build_graph",
    "entity_node",
    "family_node",
    "paper_node",
    "prune",
    "refresh",
    "stats",
]
