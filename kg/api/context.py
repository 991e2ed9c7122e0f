"""Per-request state: the store's reads and the DataLoaders that batch every nested lookup.

Resolvers never call the store one parent at a time: they ``load`` through these loaders,
which gather every key asked for in the same tick into one ``GraphReads`` call, so a page of
5 or of 50 costs the same number of round trips. The helpers return the loader's futures
(not coroutines): a resolver queues all its loads first, then awaits them, with no task per row.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Awaitable, Collection, Sequence
from dataclasses import dataclass, field
from typing import TypeAlias

import strawberry
from strawberry.dataloader import DataLoader

from kg.api.counting import CountingReads
from kg.graph.reads import Direction, EdgeRecord, GraphReads, NodeRecord

NameKey: TypeAlias = tuple[str, tuple[str, ...]]
EdgeKey: TypeAlias = tuple[str, tuple[str, ...], Direction]
PageKey: TypeAlias = tuple[str, int, str | None]


class Loaders:
    """DataLoaders over one request's reads: nodes by id, names to ids, edges (or just the nodes at
    their far ends) by node, family members and pages of them.

    A name lookup brings its node's record along and primes ``nodes`` with it, so resolving a
    name and then reading its node costs one round trip.
    """

    def __init__(self, reads: CountingReads) -> None:
        self.reads = reads
        self.nodes: DataLoader[str, NodeRecord | None] = DataLoader(load_fn=self._load_nodes)
        self.names: DataLoader[NameKey, str | None] = DataLoader(load_fn=self._load_names)
        self.edges: DataLoader[EdgeKey, list[EdgeRecord]] = DataLoader(load_fn=self._load_edges)
        self.members: DataLoader[str, list[str]] = DataLoader(load_fn=self._load_members)
        self.ends: DataLoader[EdgeKey, list[str]] = DataLoader(load_fn=self._load_ends)
        self.member_pages: DataLoader[PageKey, tuple[list[NodeRecord], int]] = DataLoader(
            load_fn=self._load_member_pages
        )

    async def _load_nodes(self, ids: list[str]) -> list[NodeRecord | None]:
        found = await self.reads.get_nodes(ids)
        return [found.get(i) for i in ids]

    async def _load_names(self, keys: list[NameKey]) -> list[str | None]:
        found = await self.reads.lookup(keys)
        for record in found.values():
            if record is not None:
                self.nodes.prime(record.id, record)
        return [record.id if (record := found[key]) is not None else None for key in keys]

    async def _load_edges(self, keys: list[EdgeKey]) -> list[list[EdgeRecord]]:
        groups: dict[tuple[tuple[str, ...], Direction], list[str]] = defaultdict(list)
        for node, types, direction in keys:
            groups[(types, direction)].append(node)
        found = {group: await self.reads.edges(ids, group[0], group[1]) for group, ids in groups.items()}
        return [found[(types, direction)].get(node, []) for node, types, direction in keys]

    async def _load_members(self, family_ids: list[str]) -> list[list[str]]:
        found = await self.reads.family_members(family_ids)
        return [found.get(f, []) for f in family_ids]

    async def _load_ends(self, keys: list[EdgeKey]) -> list[list[str]]:
        groups: dict[tuple[tuple[str, ...], Direction], list[str]] = defaultdict(list)
        for node, types, direction in keys:
            groups[(types, direction)].append(node)
        found = {group: await self.reads.neighbours(ids, group[0], group[1]) for group, ids in groups.items()}
        return [found[(types, direction)].get(node, []) for node, types, direction in keys]

    async def _load_member_pages(self, keys: list[PageKey]) -> list[tuple[list[NodeRecord], int]]:
        groups: dict[tuple[int, str | None], list[str]] = defaultdict(list)
        for family, first, after in keys:
            groups[(first, after)].append(family)
        found = {group: await self.reads.member_pages(ids, *group) for group, ids in groups.items()}
        for pages in found.values():
            for records, _total in pages.values():
                for record in records:
                    self.nodes.prime(record.id, record)
        return [found[(first, after)].get(family, ([], 0)) for family, first, after in keys]

    def node(self, node_id: str) -> Awaitable[NodeRecord | None]:
        return self.nodes.load(node_id)

    async def records(self, ids: Collection[str]) -> list[NodeRecord]:
        """The existing nodes among ``ids``, in sort order (name or title, id)."""
        found = await self.nodes.load_many(sorted(set(ids)))
        return sorted((r for r in found if r is not None), key=lambda r: r.sort_key)

    def resolve(self, name: str, labels: Collection[str]) -> Awaitable[str | None]:
        """The node id ``name`` means among ``labels`` (queued now: loads asked for before awaiting share a batch)."""
        return self.names.load((name, tuple(sorted(labels))))

    def edges_of(
        self, node_id: str, types: Collection[str], direction: Direction = "out"
    ) -> Awaitable[list[EdgeRecord]]:
        """One node's edges of ``types`` (queued now, like ``resolve``)."""
        return self.edges.load((node_id, tuple(sorted(types)), direction))

    async def ends_of_many(
        self, ids: Collection[str], types: Collection[str], direction: Direction = "out"
    ) -> set[str]:
        """The nodes at the far end of the ``types`` edges of any node in ``ids`` (one batch)."""
        key = tuple(sorted(types))
        lists: Sequence[list[str]] = await self.ends.load_many([(i, key, direction) for i in sorted(set(ids))])
        return {node for nodes in lists for node in nodes}

    async def edges_of_many(
        self, ids: Collection[str], types: Collection[str], direction: Direction = "out"
    ) -> list[EdgeRecord]:
        """All ``types`` edges of every node in ``ids`` (one batch), concatenated in id order."""
        key = tuple(sorted(types))
        lists: Sequence[list[EdgeRecord]] = await self.edges.load_many([(i, key, direction) for i in sorted(set(ids))])
        return [edge for edges in lists for edge in edges]


@dataclass
class Context:
    """What every resolver gets as ``info.context``: counted reads and this request's loaders."""

    reads: CountingReads
    loaders: Loaders = field(init=False)

    def __post_init__(self) -> None:
        self.loaders = Loaders(self.reads)

    @classmethod
    def over(cls, reads: GraphReads) -> Context:
        return cls(CountingReads(reads))


Info: TypeAlias = strawberry.Info[Context, None]
