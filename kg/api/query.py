"""The Query root: lookups by name, filtered listings, claims, search and paths."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Annotated, TypeVar

import strawberry

from kg.api.claims import Claim, standing
from kg.api.context import Context, Info
from kg.api.errors import ApiError
from kg.api.inputs import DatasetFilter, MethodFilter, NodeLabel, PaperFilter
from kg.api.nodes import (
    Benchmark,
    Dataset,
    Entity,
    Family,
    Metric,
    Node,
    Paper,
    Task,
    Technique,
    as_family,
    as_paper,
    entity,
    node_object,
    technique,
)
from kg.api.pages import DEFAULT_PAGE, Connection, connection, page
from kg.api.paths import Path
from kg.api.selection import FAMILY_LABELS, claim_edges, dataset_ids, method_ids, paper_id, paper_ids
from kg.graph.model import ENTITY_LABELS, FAMILY, PAPER, TECHNIQUE_LABELS
from kg.graph.reads import NAMED_LABELS, NodeRecord, Related

T = TypeVar("T")
TECHNIQUES = tuple(sorted(TECHNIQUE_LABELS))


async def _listing(
    ctx: Context,
    labels: tuple[str, ...],
    wrap: Callable[[NodeRecord], T],
    first: int,
    after: str | None,
    text: str | None = None,
    related: Related | None = None,
) -> Connection[T]:
    """One page from the store's sorted listing; asks for one more node to know whether a next page exists."""
    if related is not None and (related.family is not None or related.links):
        records, total = await ctx.reads.list_related(labels, related, text or None, first + 1, after)
    else:
        ids = related.ids if related is not None else None
        records, total = await ctx.reads.list_nodes(labels, text or None, ids, first + 1, after)
    for record in records:
        ctx.loaders.nodes.prime(record.id, record)  # nested fields (a claim's winner) find the page's nodes loaded
    return connection([(wrap(r), r.sort_key) for r in records[:first]], total, len(records) > first)


async def _one(ctx: Context, name: str, labels: tuple[str, ...]) -> NodeRecord | None:
    node_id = await ctx.loaders.resolve(name, labels)
    return await ctx.loaders.node(node_id) if node_id is not None else None


async def _locate(ctx: Context, text: str) -> str:
    """A node id from a name or alias (entities, families), a node id or a paper id."""
    named = await ctx.loaders.resolve(text, NAMED_LABELS)
    if named is not None:
        return named
    for record in await ctx.loaders.nodes.load_many([text, paper_id(text)]):
        if record is not None:
            return record.id
    raise ApiError(f"no node is named {text!r}: give a name or alias, a node id (Entity:<key>) or a paper id")


@strawberry.type(description="Read the research knowledge graph.")
class Query:
    @strawberry.field(description="A paper by its id (or its node id Paper:<id>).")
    async def paper(self, info: Info, id: strawberry.ID) -> Paper | None:
        record = await info.context.loaders.node(paper_id(str(id)))
        return Paper(record=record) if record is not None and record.label == PAPER else None

    @strawberry.field(description="Papers matching the filter, by title.")
    async def papers(
        self, info: Info, filter: PaperFilter | None = None, first: int = DEFAULT_PAGE, after: str | None = None
    ) -> Connection[Paper]:
        ids = await paper_ids(info.context.loaders, filter)
        return await _listing(info.context, (PAPER,), as_paper, first, after, filter.text if filter else None, ids)

    @strawberry.field(description="A method or model by name or any alias, in any spelling.")
    async def method(self, info: Info, name: str) -> Technique | None:
        record = await _one(info.context, name, TECHNIQUES)
        return technique(record) if record is not None else None

    @strawberry.field(description="Any entity by name or any alias, in any spelling.")
    async def entity(self, info: Info, name: str) -> Entity | None:
        record = await _one(info.context, name, ENTITY_LABELS)
        return entity(record) if record is not None else None

    @strawberry.field(description="A family by name or any alias (PEFT, parameter-efficient fine-tuning, …).")
    async def family(self, info: Info, name: str) -> Family | None:
        record = await _one(info.context, name, FAMILY_LABELS)
        return Family(record=record) if record is not None else None

    @strawberry.field(description="Methods and models matching every field of the filter, by name.")
    async def methods(
        self, info: Info, filter: MethodFilter | None = None, first: int = DEFAULT_PAGE, after: str | None = None
    ) -> Connection[Technique]:
        ids = await method_ids(info.context.loaders, filter)
        return await _listing(info.context, TECHNIQUES, technique, first, after, filter.text if filter else None, ids)

    @strawberry.field(description="Datasets matching the filter, by name.")
    async def datasets(
        self, info: Info, filter: DatasetFilter | None = None, first: int = DEFAULT_PAGE, after: str | None = None
    ) -> Connection[Dataset]:
        ids = await dataset_ids(info.context.loaders, filter)
        return await _listing(
            info.context, ("Dataset",), lambda r: Dataset(record=r), first, after, filter.text if filter else None, ids
        )

    @strawberry.field(description="Benchmarks matching the filter, by name.")
    async def benchmarks(
        self, info: Info, filter: DatasetFilter | None = None, first: int = DEFAULT_PAGE, after: str | None = None
    ) -> Connection[Benchmark]:
        ids = await dataset_ids(info.context.loaders, filter)
        return await _listing(
            info.context,
            ("Benchmark",),
            lambda r: Benchmark(record=r),
            first,
            after,
            filter.text if filter else None,
            ids,
        )

    @strawberry.field(description="Tasks, by name (text: name or alias contains every word).")
    async def tasks(
        self, info: Info, text: str | None = None, first: int = DEFAULT_PAGE, after: str | None = None
    ) -> Connection[Task]:
        return await _listing(info.context, ("Task",), lambda r: Task(record=r), first, after, text)

    @strawberry.field(description="Metrics, by name.")
    async def metrics(
        self, info: Info, text: str | None = None, first: int = DEFAULT_PAGE, after: str | None = None
    ) -> Connection[Metric]:
        return await _listing(info.context, ("Metric",), lambda r: Metric(record=r), first, after, text)

    @strawberry.field(description="Families, by name.")
    async def families(
        self, info: Info, text: str | None = None, first: int = DEFAULT_PAGE, after: str | None = None
    ) -> Connection[Family]:
        return await _listing(info.context, (FAMILY,), as_family, first, after, text)

    @strawberry.field(
        description="OUTPERFORMS claims by winner, over loser, with winners in family, about dataset `on` "
        "(at least one of winner, loser, family); generic claims only when no loser is given."
    )
    async def claims(
        self,
        info: Info,
        winner: str | None = None,
        loser: str | None = None,
        family: str | None = None,
        on: str | None = None,
        first: int = DEFAULT_PAGE,
        after: str | None = None,
    ) -> Connection[Claim]:
        if winner is None and loser is None and family is None:
            raise ApiError("claims needs a winner, a loser or a family")
        edges = await standing(info.context.loaders, await claim_edges(info.context.loaders, winner, loser, family, on))
        return page(edges, lambda e: (e.source, e.target, e.key), lambda e: Claim(edge=e), first, after)

    @strawberry.field(description="Nodes whose name or aliases contain every word of text; exact names first.")
    async def search(
        self, info: Info, text: str, types: list[NodeLabel] | None = None, first: int = DEFAULT_PAGE
    ) -> list[Node]:
        labels = [t.value for t in types] if types else None
        return [node_object(r) for r in await info.context.reads.search(text, labels, first)]

    @strawberry.field(
        name="connection",
        description="All shortest paths between two nodes (names, aliases or ids), directions ignored.",
    )
    async def connection_(
        self,
        info: Info,
        from_: Annotated[str, strawberry.argument(name="from")],
        to: str,
        max_hops: int = 3,
        first: int = 10,
    ) -> list[Path]:
        source, target = await asyncio.gather(_locate(info.context, from_), _locate(info.context, to))
        paths = await info.context.reads.shortest_paths(source, target, max_hops, first)
        return [Path(start=source, edges=p) for p in paths]
