"""``GraphReads`` over a Neo4j store: the API's batched reads, one named query per call.

Every method runs exactly one parameterised query from ``queries/reads_*.cypher`` in a READ
access-mode session, and answers exactly as ``NetworkxReads`` does: nodes come back through
``kg.store.neo4j.rows.node_from_neo4j`` (so ids and properties are the embedded model's).

The server does the filtering, counting and paging wherever that is exact: listings without
text (``list_nodes``, ``list_related``: family membership and links to given nodes checked
where the nodes are; ``member_pages``) sort by ``[toLower(name), name, id]``, count and cut the
page in Cypher and send back only that page; ``neighbours`` sends ids, not relationships;
``lookup`` seeks names by key and narrows the rest with the ``entity_match_keys`` full-text index.
The Python driver decodes about 5-10k values per 10 ms, so what comes back is what costs.
Neo4j compares strings by code point as Python does, and its ``toLower`` is ``str.lower``
except for about 40 letters newer than its Unicode tables (U+2C2F, U+A7C0, U+10570…), which
no name uses so far. What the server cannot do exactly stays in Python: name ranking
(``resolve``, ``lookup``) and text matching (``kg.graph.reads.words``: NFKC, casefolding);
for text, the server first drops the nodes that surely do not match (an ASCII text that lacks
a word in lower case) and Python matches, sorts and pages the rest.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from collections.abc import Collection, Iterable, Iterator, Mapping
from typing import Any

from neo4j import READ_ACCESS, Driver
from neo4j.exceptions import DriverError, Neo4jError

from kg.errors import KgError, StoreError
from kg.graph.model import FAMILY, PAPER, TECHNIQUE_LABELS, entity_node, family_node
from kg.graph.reads import (
    NAMED_LABELS,
    Direction,
    EdgeRecord,
    Link,
    NameRequest,
    NodeRecord,
    Related,
    contains_all,
    edge_order,
    page_start,
    texts,
    words,
)
from kg.names.keys import entity_key, match_key
from kg.store.cypher import query
from kg.store.neo4j.rows import EDGE_KEY, edge_from_neo4j, node_from_neo4j
from kg.store.neo4j.settings import one_line

QUERY_MAX_HOPS = 6
"""The longest path ``reads_shortest_paths.cypher`` looks for (its pattern's fixed bound)."""

_TECHNIQUES = sorted(TECHNIQUE_LABELS)
_PREFIXES = {"Paper": "papers", "Entity": "entities", "Family": "families"}
_ASCII = "[\\x00-\\x7F]*"
"""A Java regex for text in plain ASCII, where NFKC and casefolding are plain lower-casing."""
_ALL = 2**31 - 1
"""A page size for "all of them" (list slices take a 32-bit int)."""


def split_ids(ids: Iterable[str]) -> dict[str, list[str]]:
    """Graph ids as the key lists the queries seek by: paper ids, entity keys, family keys (others dropped)."""
    split: dict[str, list[str]] = {kind: [] for kind in _PREFIXES.values()}
    for node in sorted(set(ids)):
        prefix, sep, rest = node.partition(":")
        if sep and prefix in _PREFIXES:
            split[_PREFIXES[prefix]].append(rest)
    return split


def _end(node: str) -> dict[str, str | None]:
    """One path end as the shortest-path query takes it (the key under its kind, None elsewhere)."""
    split = split_ids([node])
    return {
        "paper": next(iter(split["papers"]), None),
        "entity": next(iter(split["entities"]), None),
        "family": next(iter(split["families"]), None),
    }


def _record(labels: Iterable[str], props: Mapping[str, Any]) -> NodeRecord:
    node, attrs = node_from_neo4j(labels, props)
    return NodeRecord(node, str(attrs["label"]), attrs)


def _present(rows: Iterable[Mapping[str, Any]]) -> Iterator[Mapping[str, Any]]:
    """Rows whose node still exists: under read-committed isolation a node that a concurrent write
    deleted (a pruned entity) can come back with no labels or no properties; it is gone, as if read
    a moment later."""
    return (row for row in rows if row["labels"] and row["props"])


def _edge_present(props: Mapping[str, Any]) -> bool:
    """Whether a relationship still exists: one a concurrent write deleted (a paper's old claims, dropped
    on re-ingest) can come back with no properties under read-committed isolation, as nodes do."""
    return EDGE_KEY in props


def _edge(source: str, target: str, rel_type: str, props: Mapping[str, Any]) -> EdgeRecord:
    key, attrs = edge_from_neo4j(rel_type, props)
    return EdgeRecord(source, target, rel_type, key, attrs)


_LUCENE_SPECIAL = re.compile(r'([+\-&|!(){}\[\]^"~*?:\\/])')
_LUCENE_TERMS = 300
"""At most this many match keys per full-text query (x 3 indexed properties: under Lucene's 1,024 clauses)."""


def _lucene_terms(keys: list[str]) -> str | None:
    """The match keys as one OR of exact terms for entity_match_keys (whitespace analyzer); None when the
    index cannot answer exactly (too many keys, a key the analyzer would split or cut), so the query scans."""
    if not keys or len(keys) > _LUCENE_TERMS or any(len(k) > 255 or any(c.isspace() for c in k) for k in keys):
        return None
    return " OR ".join(_LUCENE_SPECIAL.sub(r"\\\1", k) for k in keys)


def _labels(labels: Collection[str]) -> list[str]:
    """Labels as the listing queries match them: a record's label is an entity's type label, never Entity."""
    return sorted(set(labels) - {"Entity"})


def _link(link: Link) -> dict[str, Any]:
    """A link as reads_related.cypher takes it: the node's key under its kind, types, which directions."""
    node, types, direction = link
    return {
        **_end(node),
        "types": sorted(types) if types is not None else None,
        "outgoing": direction in ("out", "both"),
        "incoming": direction in ("in", "both"),
    }


def _cursor(start: tuple[str, ...] | None) -> list[str] | None:
    """A page's start as the queries take it: the sort key [toLower(name), name, id] as a list."""
    return list(start) if start is not None else None


def _page(rows: Iterable[Mapping[str, Any]]) -> list[NodeRecord]:
    """A page the server cut, as records (sorted again here: collect keeps the order, but cheaply sure)."""
    return sorted((_record(row["labels"], row["props"]) for row in _present(rows)), key=lambda r: r.sort_key)


class Neo4jReads:
    """``GraphReads`` through a shared driver; cheap to make, one per request."""

    kind = "neo4j"

    def __init__(self, driver: Driver, database: str | None = None) -> None:
        self.driver = driver
        self.database = database

    def _run(self, name: str, **params: Any) -> list[dict[str, Any]]:
        """One named query in a READ session: the one round trip a method makes."""
        try:
            with self.driver.session(database=self.database, default_access_mode=READ_ACCESS) as session:
                return [record.data() for record in session.run(query(name), params)]
        except (DriverError, Neo4jError) as error:  # shown to the caller as it is, not masked
            raise StoreError(f"Neo4j read {name} failed: {one_line(error)}") from error

    def get_nodes(self, ids: Collection[str]) -> dict[str, NodeRecord]:
        rows = self._run("reads_nodes", **split_ids(ids))
        records = (_record(row["labels"], row["props"]) for row in _present(rows))
        return {r.id: r for r in sorted(records, key=lambda r: r.id)}

    def resolve(self, names: Collection[str], labels: Collection[str] | None = None) -> dict[str, str | None]:
        names = list(names)
        wanted = tuple(sorted(labels or NAMED_LABELS))
        found = self._lookup([(name, wanted) for name in names])
        return {name: record.id if (record := found[(name, wanted)]) is not None else None for name in names}

    def lookup(self, requests: Collection[NameRequest]) -> dict[NameRequest, NodeRecord | None]:
        return self._lookup(list(requests))

    def _lookup(self, requests: list[NameRequest]) -> dict[NameRequest, NodeRecord | None]:
        """Every request's node, from one query for the candidates of all names, ranked here."""
        asked = sorted(
            {(entity_key(name), match_key(name), tuple(_labels(labels or NAMED_LABELS))) for name, labels in requests}
        )
        targets = sorted({t for _, t, ls in asked if t and set(ls) - {FAMILY}})
        rows = self._run(
            "reads_lookup",
            requests=[{"key": k, "target": t, "labels": list(ls)} for k, t, ls in asked],
            entity_query=_lucene_terms(targets),
        )
        nodes = {
            r.id: (r, int(row["mentions"])) for row in _present(rows) for r in [_record(row["labels"], row["props"])]
        }
        by_key: dict[str, list[tuple[int, int, str]]] = {}
        for node, (record, mentions) in nodes.items():
            if record.label == PAPER:
                continue
            own = {match_key(str(record.props.get("key", ""))), match_key(record.name)}
            aliases = {match_key(str(a)) for a in record.props.get("aliases", [])} - own
            for rank, group in ((0, own), (1, aliases)):
                for key in group - {""}:
                    by_key.setdefault(key, []).append((rank, -mentions, node))

        def one(name: str, wanted: frozenset[str]) -> NodeRecord | None:
            key = entity_key(name)
            for direct in (entity_node(key), family_node(key)):
                if direct in nodes and nodes[direct][0].label in wanted:
                    return nodes[direct][0]
            candidates = [c for c in by_key.get(match_key(name), []) if nodes[c[2]][0].label in wanted]
            return nodes[min(candidates)[2]][0] if candidates else None

        return {(name, labels): one(name, frozenset(labels or NAMED_LABELS)) for name, labels in requests}

    def edges(
        self, ids: Collection[str], types: Collection[str] | None = None, direction: Direction = "out"
    ) -> dict[str, list[EdgeRecord]]:
        rows = self._run(
            "reads_edges",
            **split_ids(ids),
            types=sorted(types) if types is not None else None,
            out=direction in ("out", "both"),
            **{"in": direction in ("in", "both"), "in_loops": direction == "in"},
        )
        result: dict[str, list[EdgeRecord]] = {node: [] for node in sorted(set(ids))}
        for row in rows:
            if not _edge_present(row["props"]):
                continue
            node, other = row["id"], row["other"]
            source, target = (node, other) if row["leaving"] else (other, node)
            result[node].append(_edge(source, target, row["type"], row["props"]))
        for found in result.values():
            found.sort(key=edge_order)
        return result

    def _seek(self, ids: Collection[str] | None) -> dict[str, Any]:
        """The parameters that restrict a listing to ``ids`` (or not, when None)."""
        if ids is None:
            return {"seek": False, "papers": [], "entities": [], "families": []}
        return {"seek": True, **split_ids(ids)}

    def _matching(self, labels: Collection[str], needles: list[str], ids: Collection[str] | None) -> list[NodeRecord]:
        """The nodes of ``labels`` (among ``ids``) whose texts contain every needle, in sort order."""
        rows = self._run("reads_matching", labels=_labels(labels), needles=needles, ascii=_ASCII, **self._seek(ids))
        records = (_record(row["labels"], row["props"]) for row in _present(rows))
        return sorted(
            (r for r in records if r.label in labels and contains_all(" ".join(words(" ".join(texts(r)))), needles)),
            key=lambda r: r.sort_key,
        )

    def list_nodes(
        self,
        labels: Collection[str],
        text: str | None = None,
        ids: Collection[str] | None = None,
        first: int = 20,
        after: str | None = None,
    ) -> tuple[list[NodeRecord], int]:
        start = page_start(after)
        wanted = frozenset(labels)
        if text:
            pool = self._matching(wanted, words(text), ids)
            offset = bisect_right(pool, start, key=lambda r: r.sort_key) if start is not None else 0
            return pool[offset : offset + max(first, 0)], len(pool)
        [row] = self._run(
            "reads_page", labels=_labels(wanted), first=max(first, 0), after=_cursor(start), **self._seek(ids)
        )
        return _page(row["page"]), int(row["total"])

    def list_related(
        self,
        labels: Collection[str],
        related: Related,
        text: str | None = None,
        first: int = 20,
        after: str | None = None,
    ) -> tuple[list[NodeRecord], int]:
        start = page_start(after)
        links = [_link(link) for link in related.links]
        family = split_ids([related.family])["families"] if related.family is not None else []
        # Candidates come from the family's members, else the first link's ends, else the ids; the rest filter them.
        if related.family is not None:
            gen = "family" if family else "ids"  # (not a family id: no members, so nothing)
        else:
            gen = "link" if links else "ids" if related.ids is not None else "labels"
        seek = split_ids(related.ids if gen == "ids" and related.ids is not None and related.family is None else [])
        params = {
            "labels": _labels(labels),
            "techniques": _TECHNIQUES,
            "gen": gen,
            "family": family[0] if family else None,
            "gen_link": links[0] if gen == "link" else None,
            "links": links[1:] if gen == "link" else links,
            "only": sorted(related.ids) if related.ids is not None and gen != "ids" else None,
            **seek,
        }
        if not text:
            [row] = self._run(
                "reads_related", first=max(first, 0), after=_cursor(start), needles=[], ascii=_ASCII, **params
            )
            return _page(row["page"]), int(row["total"])
        needles = words(text)
        [row] = self._run("reads_related", first=_ALL, after=None, needles=needles, ascii=_ASCII, **params)
        pool = [r for r in _page(row["page"]) if contains_all(" ".join(words(" ".join(texts(r)))), needles)]
        offset = bisect_right(pool, start, key=lambda r: r.sort_key) if start is not None else 0
        return pool[offset : offset + max(first, 0)], len(pool)

    def member_pages(
        self, family_ids: Collection[str], first: int = 20, after: str | None = None
    ) -> dict[str, tuple[list[NodeRecord], int]]:
        start = page_start(after)
        families = split_ids(family_ids)["families"]
        rows = self._run(
            "reads_member_pages", keys=families, techniques=_TECHNIQUES, first=max(first, 0), after=_cursor(start)
        )
        found = {family_node(row["key"]): (_page(row["page"]), int(row["total"])) for row in rows}
        return {family: found.get(family, ([], 0)) for family in sorted(set(family_ids))}

    def neighbours(
        self, ids: Collection[str], types: Collection[str] | None = None, direction: Direction = "out"
    ) -> dict[str, list[str]]:
        rows = self._run(
            "reads_neighbours",
            **split_ids(ids),
            types=sorted(types) if types is not None else None,
            out=direction in ("out", "both"),
            **{"in": direction in ("in", "both")},
        )
        result: dict[str, list[str]] = {node: [] for node in sorted(set(ids))}
        for row in rows:
            result[row["id"]] = sorted(set(row["others"]))
        return result

    def family_members(self, family_ids: Collection[str]) -> dict[str, list[str]]:
        families = split_ids(family_ids)["families"]
        rows = self._run("reads_family_members", keys=families, techniques=_TECHNIQUES)
        found = {family_node(row["key"]): sorted(entity_node(k) for k in set(row["members"])) for row in rows}
        return {family: found.get(family, []) for family in sorted(set(family_ids))}

    def search(self, text: str, labels: Collection[str] | None = None, limit: int = 20) -> list[NodeRecord]:
        wanted = frozenset(labels or NAMED_LABELS)
        needles, exact = words(text), match_key(text)
        if not needles:
            return []
        hits: list[tuple[int, tuple[str, str, str], NodeRecord]] = []
        for record in self._matching(wanted, needles, None):
            names = {match_key(record.name), match_key(str(record.props.get("key", "")))}
            aliases = {match_key(str(a)) for a in record.props.get("aliases", [])}
            hits.append((0 if exact in names else 1 if exact in aliases else 2, record.sort_key, record))
        hits.sort(key=lambda h: (h[0], h[1]))
        return [h[2] for h in hits[: max(limit, 0)]]

    def shortest_paths(
        self, source_id: str, target_id: str, max_hops: int = 3, limit: int = 10
    ) -> list[list[EdgeRecord]]:
        if max_hops > QUERY_MAX_HOPS:
            raise KgError(f"max_hops {max_hops} is over {QUERY_MAX_HOPS}, the longest path the Neo4j store looks for")
        [row] = self._run("reads_shortest_paths", source=_end(source_id), target=_end(target_id), max_hops=max_hops)
        if not (row["source_found"] and row["target_found"]) or limit <= 0:
            return []
        if source_id == target_id:
            return [[]]
        # One path per node sequence, each hop by its first edge in edge order, sequences in id order
        # (Neo4j returns one path per choice among parallel edges, NetworkxReads walks nodes).
        best: dict[tuple[str, str], EdgeRecord] = {}
        sequences: set[tuple[str, ...]] = set()
        for path in row["paths"]:
            node, sequence = source_id, [source_id]
            for rel in path:
                edge = _edge(rel["source"], rel["target"], rel["type"], rel["props"])
                hop = (node, edge.other(node))
                if hop not in best or edge_order(edge) < edge_order(best[hop]):
                    best[hop] = edge
                node = hop[1]
                sequence.append(node)
            sequences.add(tuple(sequence))
        return [[best[(a, b)] for a, b in itertools.pairwise(seq)] for seq in sorted(sequences)[:limit]]
