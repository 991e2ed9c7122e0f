"""The graph model's vocabulary: node ids, labels, relationship types and edge keys.

Node ids carry a namespace so a Task and a Family of the same name never collide:
``Paper:<paper id>``, ``Entity:<entity key>`` (every entity type; its type is the ``label``
attribute, which a vote may change without moving the node), ``Family:<family key>``.
Edge keys are deterministic strings (``TYPE|paper|digest``) so adding the same claim twice
is a no-op.

Properties: Paper {label, id, title, abstract, authors, url?, published?, source?, kind,
content_hash, defines?, acronyms? (the names it adds to the corpus-wide pass; "SHORT\tlong form")};
entities {label, key, name, aliases}; Family {label, key, name, aliases, taxonomy (bool)}.
Edges: ``type`` plus, for every claim, ``paper``; MENTIONS {surface, aliases, vote, declared};
OUTPERFORMS {on, metric, evidence, confidence, loser_generic}; OUTPERFORMS_GENERIC (winner →
Paper) the same plus ``loser`` (the words); COMPARABLE_TO {aspect, evidence, confidence};
IS_A {source: "text", surface} or {source: "taxonomy"} (no paper); SUBFAMILY_OF {source:
"taxonomy"}; EXTENDS {evidence}.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Mapping
from typing import TYPE_CHECKING, Final, TypeAlias

import networkx as nx

if TYPE_CHECKING:
    KnowledgeGraph: TypeAlias = nx.MultiDiGraph[str]
else:
    KnowledgeGraph = nx.MultiDiGraph
"""The graph model's type: a networkx MultiDiGraph with string node ids."""

PAPER: Final = "Paper"
FAMILY: Final = "Family"
ENTITY_LABELS: Final = ("Method", "Model", "Dataset", "Benchmark", "Task", "Metric")
TECHNIQUE_LABELS: Final = frozenset({"Method", "Model"})

PROPOSES: Final = "PROPOSES"
MENTIONS: Final = "MENTIONS"
EVALUATES_ON: Final = "EVALUATES_ON"
ADDRESSES: Final = "ADDRESSES"
REPORTS: Final = "REPORTS"
COMPARES_WITH: Final = "COMPARES_WITH"
OUTPERFORMS: Final = "OUTPERFORMS"
# (winner)-[:OUTPERFORMS_GENERIC {loser: "all zero-shot baselines", …}]->(Paper): a claim against
# an unnamed loser, kept without inventing an entity for "prior state of the art".
OUTPERFORMS_GENERIC: Final = "OUTPERFORMS_GENERIC"
COMPARABLE_TO: Final = "COMPARABLE_TO"
IS_A: Final = "IS_A"
SUBFAMILY_OF: Final = "SUBFAMILY_OF"
EXTENDS: Final = "EXTENDS"

TEXT: Final = "text"
TAXONOMY: Final = "taxonomy"


ACRONYM_SEPARATOR: Final = "\t"


def join_acronym(short: str, long: str) -> str:
    """One acronym definition as a Paper ``acronyms`` item (stores hold lists of strings, not pairs)."""
    return f"{short}{ACRONYM_SEPARATOR}{long}"


def split_acronym(item: str) -> tuple[str, str]:
    short, _, long = item.partition(ACRONYM_SEPARATOR)
    return short, long


def paper_node(paper_id: str) -> str:
    return f"Paper:{paper_id}"


def entity_node(key: str) -> str:
    return f"Entity:{key}"


def family_node(key: str) -> str:
    return f"Family:{key}"


def digest(props: Mapping[str, object]) -> str:
    """Short stable hash of a claim's properties (part of its edge key)."""
    text = json.dumps(props, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def edge_key(rel_type: str, paper: str | None, props: Mapping[str, object] | None = None) -> str:
    """``TYPE|paper`` for one-per-paper edges, ``TYPE|paper|digest`` for claims, ``TYPE|taxonomy`` for curated ones."""
    parts = [rel_type, paper if paper is not None else TAXONOMY]
    if props is not None:
        parts.append(digest(props))
    return "|".join(parts)


def is_entity(attrs: Mapping[str, object]) -> bool:
    """Whether a node's attributes describe an entity (not a Paper, not a Family)."""
    return attrs.get("label") in ENTITY_LABELS


def stats(g: KnowledgeGraph) -> dict[str, dict[str, int]]:
    """Node counts by label and relationship counts by type."""
    nodes = Counter(str(d.get("label")) for _, d in g.nodes(data=True))
    rels = Counter(str(d.get("type")) for _, _, d in g.edges(data=True))
    return {"nodes": dict(sorted(nodes.items())), "relationships": dict(sorted(rels.items()))}
