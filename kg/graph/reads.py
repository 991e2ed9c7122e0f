"""The read contract the API stands on: a few batched primitives every store answers.

Each method is one round trip to the store (one Cypher query on Neo4j), takes a batch of
ids or names, and returns plain records, so the API can answer any query with a number of
round trips that depends on the query's shape, never on how many rows it returns. Every
list comes back in a fixed order: nodes by ``NodeRecord.sort_key`` (name or title ignoring
case, then id), edges by (type, source, target, key). Its two backends sit in
the store package: ``kg.store.embedded_reads.NetworkxReads`` (the networkx model in memory) and
``kg.store.neo4j.reads.Neo4jReads`` (named Cypher); the Cypher each method maps to is in its docstring.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import unicodedata
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol, runtime_checkable

from kg.errors import KgError
from kg.graph.model import (
    ENTITY_LABELS,
    FAMILY,
    PAPER,
)

Direction = Literal["out", "in", "both"]
NameRequest = tuple[str, tuple[str, ...]]
"""A name to look up and the labels it may have (sorted; empty for entities and families)."""
NAMED_LABELS: tuple[str, ...] = (*ENTITY_LABELS, FAMILY)
"""What ``resolve`` and ``search`` look at when no labels are given: every entity and family."""


class CursorError(KgError, ValueError):
    """An ``after`` cursor that this store did not hand out."""


@dataclass(frozen=True, slots=True)
class NodeRecord:
    """One node: its graph id, its label and its properties (``key``, ``name``, ``aliases``, ``title`` …)."""

    id: str
    label: str
    props: Mapping[str, Any] = field(default_factory=dict, compare=False)

    @property
    def name(self) -> str:
        """The display name: an entity's or family's name, a paper's title."""
        return str(self.props.get("name") or self.props.get("title") or self.id)

    @property
    def sort_key(self) -> tuple[str, str, str]:
        """Lists order by name ignoring case, then name, then id (Cypher: ``toLower(name), name, id``)."""
        return (self.name.lower(), self.name, self.id)


@dataclass(frozen=True, slots=True)
class EdgeRecord:
    """One relationship with its properties (claims: ``paper``, ``evidence``, ``confidence`` …)."""

    source: str
    target: str
    type: str
    key: str
    props: Mapping[str, Any] = field(default_factory=dict, compare=False)

    def other(self, node: str) -> str:
        """The end that is not ``node`` (the source for a self-loop)."""
        return self.target if self.source == node else self.source


Link = tuple[str, tuple[str, ...], Direction]
"""(node id, relationship types, direction): the nodes ``GraphReads.neighbours`` gives for it."""


@dataclass(frozen=True, slots=True)
class Related:
    """Which nodes ``list_related`` keeps: every condition given must hold.

    ``family``: a member of that family (as ``family_members`` finds them); ``links``: at the far
    end of each link (as ``neighbours``); ``ids``: among these node ids. None / () means no condition.
    """

    family: str | None = None
    links: tuple[Link, ...] = ()
    ids: frozenset[str] | None = None


def encode_cursor(key: Iterable[str]) -> str:
    """An opaque cursor for a sort key: base64 of its JSON."""
    return base64.urlsafe_b64encode(json.dumps(list(key), ensure_ascii=False).encode("utf-8")).decode("ascii")


def decode_cursor(cursor: str) -> tuple[str, ...]:
    """The sort key inside a cursor; CursorError when it is not one ``encode_cursor`` made."""
    try:
        key = json.loads(base64.urlsafe_b64decode(cursor.encode("ascii")))
    except (binascii.Error, ValueError, UnicodeError) as error:
        raise CursorError(f"invalid cursor {cursor!r}: pass an endCursor or cursor this API returned") from error
    if not isinstance(key, list) or not all(isinstance(part, str) for part in key):
        raise CursorError(f"invalid cursor {cursor!r}: pass an endCursor or cursor this API returned")
    return tuple(key)


@runtime_checkable
class GraphReads(Protocol):
    """Batched, deterministic reads over the knowledge graph; one call is one store round trip.

    Backends do not count calls: ``kg.api.counting.CountingReads`` does, per request.
    """

    kind: str
    """Which store answers: "embedded" or "neo4j"."""

    def get_nodes(self, ids: Collection[str]) -> dict[str, NodeRecord]:
        """The nodes with these ids; unknown ids are absent from the result.

        Ids map to keys: ``Paper:<id>`` → ``(:Paper {id})``, ``Entity:<key>`` → an entity
        ``{key}``, ``Family:<key>`` → ``(:Family {key})`` (written ``n.node_id`` below).
        ``UNWIND $ids AS id MATCH (n {node_id: id}) RETURN id, labels(n), properties(n)``
        """
        ...

    def resolve(self, names: Collection[str], labels: Collection[str] | None = None) -> dict[str, str | None]:
        """Node id each name or alias means among ``labels`` (default: entities and families), else None.

        Case, hyphen, spacing and plural variants match (``kg.names.keys``): first the node
        whose key is ``entity_key(name)``, then a key or name with the same ``match_key``, then
        an alias; ties go to the most mentioned node, then the smallest id.
        ``UNWIND $keys AS k MATCH (n) WHERE n.match_key = k OR k IN n.alias_keys
        RETURN k, n, COUNT {(:Paper)-[:MENTIONS]->(n)}``
        """
        ...

    def edges(
        self, ids: Collection[str], types: Collection[str] | None = None, direction: Direction = "out"
    ) -> dict[str, list[EdgeRecord]]:
        """Each node's relationships of ``types`` (all types when None), leaving, entering or both.

        ``UNWIND $ids AS id MATCH (n {node_id: id})-[r]->(m) WHERE type(r) IN $types RETURN id, r, m.node_id``
        (``<-[r]-`` for "in", both patterns for "both").
        """
        ...

    def list_nodes(
        self,
        labels: Collection[str],
        text: str | None = None,
        ids: Collection[str] | None = None,
        first: int = 20,
        after: str | None = None,
    ) -> tuple[list[NodeRecord], int]:
        """One page of the nodes with ``labels`` (restricted to ``ids`` and to ``text`` when given) and the total.

        ``text`` keeps nodes whose name, aliases (papers: title and abstract) contain every word
        of it. Pages follow ``NodeRecord.sort_key``; ``after`` is the cursor of the last node seen
        (``encode_cursor(node.sort_key)``).
        ``MATCH (n) WHERE any(l IN labels(n) WHERE l IN $labels)
        AND [toLower(n.name), n.name, n.node_id] > $after
        RETURN n ORDER BY toLower(n.name), n.name, n.node_id LIMIT $first`` plus a ``count(n)``.
        """
        ...

    def family_members(self, family_ids: Collection[str]) -> dict[str, list[str]]:
        """Method and model ids in each family or any subfamily, and whatever EXTENDS one of them, sorted.

        ``UNWIND $ids AS id MATCH (f:Family {node_id: id})<-[:SUBFAMILY_OF*0..]-()<-[:IS_A]-()<-[:EXTENDS*0..]-(m)
        RETURN id, collect(DISTINCT m.node_id)``
        """
        ...

    def list_related(
        self,
        labels: Collection[str],
        related: Related,
        text: str | None = None,
        first: int = 20,
        after: str | None = None,
    ) -> tuple[list[NodeRecord], int]:
        """``list_nodes`` over the nodes ``related`` allows: the filters of a listing (family members,
        neighbours of given nodes) applied where the nodes are, so only the page comes back.
        """
        ...

    def lookup(self, requests: Collection[NameRequest]) -> dict[NameRequest, NodeRecord | None]:
        """The node each (name, labels) request means, as ``resolve`` picks it, with its record; None when none.

        One call answers requests for different label sets (``labels`` empty: entities and
        families), and returns the records too, so a lookup by name needs no ``get_nodes`` after it.
        """
        ...

    def neighbours(
        self, ids: Collection[str], types: Collection[str] | None = None, direction: Direction = "out"
    ) -> dict[str, list[str]]:
        """The far ends (``EdgeRecord.other``) of each node's ``edges(ids, types, direction)``, distinct and sorted.

        For filters that need only which nodes are joined, not the relationships' properties.
        ``UNWIND $ids AS id MATCH (n {node_id: id})-[r]->(m) WHERE type(r) IN $types
        RETURN id, collect(DISTINCT m.node_id)``
        """
        ...

    def member_pages(
        self, family_ids: Collection[str], first: int = 20, after: str | None = None
    ) -> dict[str, tuple[list[NodeRecord], int]]:
        """Per family: one page of its ``family_members`` records (``NodeRecord.sort_key`` order, after the
        cursor ``after``) and how many members it has.

        ``family_members`` and ``list_nodes(ids=…)`` in one call, for every family of a batch.
        """
        ...

    def search(self, text: str, labels: Collection[str] | None = None, limit: int = 20) -> list[NodeRecord]:
        """Up to ``limit`` nodes whose name or aliases contain every word of ``text``; exact names first.

        ``CALL db.index.fulltext.queryNodes('names', $text) YIELD node, score`` filtered by label.
        """
        ...

    def shortest_paths(
        self, source_id: str, target_id: str, max_hops: int = 3, limit: int = 10
    ) -> list[list[EdgeRecord]]:
        """All shortest paths (edge directions ignored, at most ``max_hops`` long, up to ``limit`` of them).

        ``MATCH p = allShortestPaths((a {node_id: $source})-[*..$max_hops]-(b {node_id: $target}))
        RETURN relationships(p) LIMIT $limit``
        """
        ...


_SEPARATORS = re.compile(r"[\W_]+")


def words(text: str) -> list[str]:
    """Lower-case words of ``text`` for text filters and search (NFKC, casefolded, punctuation dropped)."""
    return [w for w in _SEPARATORS.split(unicodedata.normalize("NFKC", text).casefold()) if w]


def page_start(after: str | None) -> tuple[str, ...] | None:
    """The sort key a page starts after (None: from the top); CursorError unless it is a node's sort key."""
    start = decode_cursor(after) if after is not None else None
    if start is not None and len(start) != 3:
        raise CursorError(f"invalid cursor {after!r}: pass an endCursor or cursor this API returned")
    return start


def contains_all(haystack: str, needles: list[str]) -> bool:
    return all(needle in haystack for needle in needles)


def edge_order(edge: EdgeRecord) -> tuple[str, str, str, str]:
    return (edge.type, edge.source, edge.target, edge.key)


def texts(record: NodeRecord) -> list[str]:
    """What text filters look at: names and aliases; a paper's title and abstract."""
    if record.label == PAPER:
        return [str(record.props.get("title", "")), str(record.props.get("abstract", ""))]
    return [record.name, str(record.props.get("key", "")), *(str(a) for a in record.props.get("aliases", []))]
