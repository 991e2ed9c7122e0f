"""The read contract the API stands on: a few batched primitives every store answers.

Each method is one round trip to the store (one Cypher query on Neo4j), takes a batch of
ids or names, and returns plain records, so the API can answer any query with a number of
round trips that depends on the query's shape, never on how many rows it returns. Every
list comes back in a fixed order: nodes by ``NodeRecord.sort_key`` (name or title ignoring
case, then id), edges by (type, source, target, key). ``NetworkxReads`` implements the
contract over the networkx model; the Cypher each method will map to is in its docstring.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import unicodedata
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol, runtime_checkable

from kg.errors import KgError
from kg.graph.model import (
    ENTITY_LABELS,
    EXTENDS,
    FAMILY,
    IS_A,
    MENTIONS,
    PAPER,
    SUBFAMILY_OF,
    TECHNIQUE_LABELS,
    KnowledgeGraph,
    entity_node,
    family_node,
)
from kg.resolve.keys import entity_key, match_key

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

        Case, hyphen, spacing and plural variants match (``kg.resolve.keys``): first the node
        whose key is ``entity_key(name)``, then a key or name with the same ``match_key``, then
        an alias; ties go to the most mentioned node, then the smallest id.
        ``UNWIND $keys AS k MATCH (n) WHERE n.match_key = k OR k IN n.alias_keys RETURN k, n, COUNT {(:Paper)-[:MENTIONS]->(n)}``
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
        ``UNWIND $ids AS id MATCH (n {node_id: id})-[r]->(m) WHERE type(r) IN $types RETURN id, collect(DISTINCT m.node_id)``
        """
        ...

    def member_pages(
        self, family_ids: Collection[str], first: int = 20, after: str | None = None
    ) -> dict[str, tuple[list[NodeRecord], int]]:
        """Per family: one page of its ``family_members`` records (``NodeRecord.sort_key`` order, after the cursor ``after``) and how many members it has.

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


def _page_start(after: str | None) -> tuple[str, ...] | None:
    """The sort key a page starts after (None: from the top); CursorError unless it is a node's sort key."""
    start = decode_cursor(after) if after is not None else None
    if start is not None and len(start) != 3:
        raise CursorError(f"invalid cursor {after!r}: pass an endCursor or cursor this API returned")
    return start


def _contains_all(haystack: str, needles: list[str]) -> bool:
    return all(needle in haystack for needle in needles)


class NetworkxReads:
    """``GraphReads`` over an in-memory graph model, with its indexes built once.

    The graph is read at construction and must not change afterwards: build a new
    ``NetworkxReads`` for a new graph (``kg.api.embedded_reads`` does on every file change).
    """

    kind = "embedded"

    def __init__(self, graph: KnowledgeGraph) -> None:
        self._nodes = {n: NodeRecord(n, str(d.get("label")), dict(d)) for n, d in graph.nodes(data=True)}
        self._out: dict[str, list[EdgeRecord]] = defaultdict(list)
        self._in: dict[str, list[EdgeRecord]] = defaultdict(list)
        mentions: Counter[str] = Counter()
        for u, v, k, d in graph.edges(keys=True, data=True):
            edge = EdgeRecord(u, v, str(d.get("type")), str(k), dict(d))
            self._out[u].append(edge)
            self._in[v].append(edge)
            mentions[v] += edge.type == MENTIONS
        for adjacency in (self._out, self._in):
            for edge_list in adjacency.values():
                edge_list.sort(key=_edge_order)
        self._by_label: dict[str, list[NodeRecord]] = defaultdict(list)
        for record in sorted(self._nodes.values(), key=lambda r: r.sort_key):
            self._by_label[record.label].append(record)
        self._sorted: dict[frozenset[str], list[NodeRecord]] = {}
        self._haystacks = {n: " ".join(words(" ".join(_texts(r)))) for n, r in self._nodes.items()}
        self._names: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        for n, r in self._nodes.items():
            if r.label == PAPER:
                continue
            own = {match_key(str(r.props.get("key", ""))), match_key(r.name)}
            for rank, keys in ((0, own), (1, {match_key(str(a)) for a in r.props.get("aliases", [])} - own)):
                for key in keys - {""}:
                    self._names[key].append((rank, -mentions[n], n))

    def get_nodes(self, ids: Collection[str]) -> dict[str, NodeRecord]:
        return {n: self._nodes[n] for n in sorted(set(ids)) if n in self._nodes}

    def resolve(self, names: Collection[str], labels: Collection[str] | None = None) -> dict[str, str | None]:
        wanted = frozenset(labels or NAMED_LABELS)
        return {name: self._resolve_one(name, wanted) for name in names}

    def _resolve_one(self, name: str, wanted: frozenset[str]) -> str | None:
        key = entity_key(name)
        for direct in (entity_node(key), family_node(key)):
            if direct in self._nodes and self._nodes[direct].label in wanted:
                return direct
        candidates = [c for c in self._names.get(match_key(name), []) if self._nodes[c[2]].label in wanted]
        return min(candidates)[2] if candidates else None

    def edges(
        self, ids: Collection[str], types: Collection[str] | None = None, direction: Direction = "out"
    ) -> dict[str, list[EdgeRecord]]:
        return self._edges(ids, types, direction)

    def _edges(
        self, ids: Collection[str], types: Collection[str] | None, direction: Direction
    ) -> dict[str, list[EdgeRecord]]:
        wanted = frozenset(types) if types is not None else None
        result: dict[str, list[EdgeRecord]] = {}
        for node in sorted(set(ids)):
            found: list[EdgeRecord] = []
            if direction in ("out", "both"):
                found.extend(self._out.get(node, []))
            if direction in ("in", "both"):
                found.extend(e for e in self._in.get(node, []) if direction == "in" or e.source != node)
            if wanted is not None:
                found = [e for e in found if e.type in wanted]
            result[node] = sorted(found, key=_edge_order) if direction == "both" else found
        return result

    def list_nodes(
        self,
        labels: Collection[str],
        text: str | None = None,
        ids: Collection[str] | None = None,
        first: int = 20,
        after: str | None = None,
    ) -> tuple[list[NodeRecord], int]:
        return self._list(labels, text, ids, first, after)

    def list_related(
        self,
        labels: Collection[str],
        related: Related,
        text: str | None = None,
        first: int = 20,
        after: str | None = None,
    ) -> tuple[list[NodeRecord], int]:
        allowed: set[str] | None = set(related.ids) if related.ids is not None else None
        if related.family is not None:
            members = set(self._members([related.family])[related.family])
            allowed = members if allowed is None else allowed & members
        for node, types, direction in related.links:
            ends = {e.other(node) for e in self._edges([node], types, direction)[node]}
            allowed = ends if allowed is None else allowed & ends
        return self._list(labels, text, allowed, first, after)

    def _list(
        self, labels: Collection[str], text: str | None, ids: Collection[str] | None, first: int, after: str | None
    ) -> tuple[list[NodeRecord], int]:
        start = _page_start(after)
        wanted = frozenset(labels)
        if ids is not None:
            pool = sorted((self._nodes[n] for n in set(ids) if n in self._nodes), key=lambda r: r.sort_key)
            pool = [r for r in pool if r.label in wanted]
        else:
            pool = self._labelled(wanted)
        if text:
            needles = words(text)
            pool = [r for r in pool if _contains_all(self._haystacks[r.id], needles)]
        offset = bisect_right(pool, start, key=lambda r: r.sort_key) if start is not None else 0
        return pool[offset : offset + max(first, 0)], len(pool)

    def _labelled(self, labels: frozenset[str]) -> list[NodeRecord]:
        """Every node with one of ``labels`` in sort order (cached per label set)."""
        if labels not in self._sorted:
            self._sorted[labels] = sorted((r for l in labels for r in self._by_label.get(l, [])), key=lambda r: r.sort_key)
        return self._sorted[labels]

    def family_members(self, family_ids: Collection[str]) -> dict[str, list[str]]:
        return self._members(family_ids)

    def _members(self, family_ids: Collection[str]) -> dict[str, list[str]]:
        result: dict[str, list[str]] = {}
        for family in sorted(set(family_ids)):
            families = self._closure([family], SUBFAMILY_OF)
            members = {e.source for f in families for e in self._in.get(f, []) if e.type == IS_A}
            extended = self._closure(members, EXTENDS)
            result[family] = sorted(n for n in extended if self._nodes[n].label in TECHNIQUE_LABELS)
        return result

    def lookup(self, requests: Collection[NameRequest]) -> dict[NameRequest, NodeRecord | None]:
        found: dict[NameRequest, NodeRecord | None] = {}
        for name, labels in requests:
            node = self._resolve_one(name, frozenset(labels or NAMED_LABELS))
            found[(name, labels)] = self._nodes[node] if node is not None else None
        return found

    def neighbours(
        self, ids: Collection[str], types: Collection[str] | None = None, direction: Direction = "out"
    ) -> dict[str, list[str]]:
        found = self._edges(ids, types, direction)
        return {node: sorted({e.other(node) for e in edges}) for node, edges in found.items()}

    def member_pages(
        self, family_ids: Collection[str], first: int = 20, after: str | None = None
    ) -> dict[str, tuple[list[NodeRecord], int]]:
        start = _page_start(after)
        members = self._members(family_ids)
        pages: dict[str, tuple[list[NodeRecord], int]] = {}
        for family, ids in members.items():
            pool = sorted((self._nodes[n] for n in ids), key=lambda r: r.sort_key)
            offset = bisect_right(pool, start, key=lambda r: r.sort_key) if start is not None else 0
            pages[family] = (pool[offset : offset + max(first, 0)], len(pool))
        return pages

    def _closure(self, start: Iterable[str], rel_type: str) -> set[str]:
        """``start`` and every node with a path of ``rel_type`` edges into one of them."""
        seen = set(start)
        frontier = list(seen)
        while frontier:
            for edge in self._in.get(frontier.pop(), []):
                if edge.type == rel_type and edge.source not in seen:
                    seen.add(edge.source)
                    frontier.append(edge.source)
        return seen

    def search(self, text: str, labels: Collection[str] | None = None, limit: int = 20) -> list[NodeRecord]:
        wanted = frozenset(labels or NAMED_LABELS)
        needles, exact = words(text), match_key(text)
        if not needles:
            return []
        hits: list[tuple[int, tuple[str, str, str], NodeRecord]] = []
        for label in sorted(wanted):
            for record in self._by_label.get(label, []):
                if not _contains_all(self._haystacks[record.id], needles):
                    continue
                names = {match_key(record.name), match_key(str(record.props.get("key", "")))}
                rank = 0 if exact in names else 1 if exact in {match_key(str(a)) for a in record.props.get("aliases", [])} else 2
                hits.append((rank, record.sort_key, record))
        hits.sort(key=lambda h: (h[0], h[1]))
        return [h[2] for h in hits[: max(limit, 0)]]

    def shortest_paths(
        self, source_id: str, target_id: str, max_hops: int = 3, limit: int = 10
    ) -> list[list[EdgeRecord]]:
        if source_id not in self._nodes or target_id not in self._nodes or limit <= 0:
            return []
        if source_id == target_id:
            return [[]]
        layers = self._layers(source_id, target_id, max_hops)
        if layers is None:
            return []
        return self._paths(source_id, target_id, layers, limit)

    def _neighbours(self, node: str) -> dict[str, list[EdgeRecord]]:
        """Adjacent nodes with the edges (either direction) that join them, in edge order."""
        joined: dict[str, list[EdgeRecord]] = defaultdict(list)
        for edge in sorted((*self._out.get(node, []), *self._in.get(node, [])), key=_edge_order):
            other = edge.other(node)
            if other != node:
                joined[other].append(edge)
        return joined

    def _layers(self, source: str, target: str, max_hops: int) -> dict[str, int] | None:
        """BFS distance from ``source`` of every node closer than ``target``, or None when it is over ``max_hops``."""
        depth = {source: 0}
        frontier = [source]
        for hop in range(1, max_hops + 1):
            nxt: list[str] = []
            for node in frontier:
                for edge in (*self._out.get(node, ()), *self._in.get(node, ())):
                    other = edge.other(node)
                    if other not in depth:
                        depth[other] = hop
                        nxt.append(other)
            if target in depth:
                return depth
            frontier = nxt
        return None

    def _paths(self, source: str, target: str, depth: dict[str, int], limit: int) -> list[list[EdgeRecord]]:
        """Shortest paths in order of their node ids, walked forwards over the nodes that lie on one."""
        on_path = {target}
        frontier = [target]
        while frontier:
            node = frontier.pop()
            for other in self._neighbours(node):
                if depth.get(other) == depth[node] - 1 and other not in on_path:
                    on_path.add(other)
                    frontier.append(other)
        paths: list[list[EdgeRecord]] = []

        def walk(node: str, head: list[EdgeRecord]) -> None:
            if len(paths) >= limit:
                return
            if node == target:
                paths.append(head)
                return
            for other, joined in sorted(self._neighbours(node).items()):
                if other in on_path and depth.get(other) == depth[node] + 1:
                    walk(other, [*head, joined[0]])

        walk(source, [])
        return paths


def _edge_order(edge: EdgeRecord) -> tuple[str, str, str, str]:
    return (edge.type, edge.source, edge.target, edge.key)


def _texts(record: NodeRecord) -> list[str]:
    """What text filters look at: names and aliases; a paper's title and abstract."""
    if record.label == PAPER:
        return [str(record.props.get("title", "")), str(record.props.get("abstract", ""))]
    return [record.name, str(record.props.get("key", "")), *(str(a) for a in record.props.get("aliases", []))]
