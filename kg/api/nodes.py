"""GraphQL node types: Paper, the entity types, Family; each wraps a NodeRecord.

Relationship fields go through the request's DataLoaders (``info.context.loaders``), so a
list of parents costs one store call per field, not one per parent.
"""

from __future__ import annotations

from collections.abc import Awaitable, Collection

import strawberry

from kg.api.claims import CLAIM_TYPES, Claim, Comparison, Extension, standing
from kg.api.context import Info, Loaders
from kg.api.inputs import PaperRole
from kg.api.pages import DEFAULT_PAGE, Connection, connection, page
from kg.graph.model import (
    ADDRESSES,
    COMPARABLE_TO,
    COMPARES_WITH,
    ENTITY_LABELS,
    EVALUATES_ON,
    EXTENDS,
    FAMILY,
    IS_A,
    MENTIONS,
    OUTPERFORMS,
    OUTPERFORMS_GENERIC,
    PAPER,
    PROPOSES,
    REPORTS,
    SUBFAMILY_OF,
    TECHNIQUE_LABELS,
)
from kg.graph.reads import NodeRecord


@strawberry.interface(description="Anything in the graph: a paper, an entity or a family.")
class Node:
    record: strawberry.Private[NodeRecord]

    @strawberry.field(description="Graph node id: Paper:<paper id>, Entity:<key> or Family:<key>.")
    def id(self) -> strawberry.ID:
        return strawberry.ID(self.record.id)

    @strawberry.field(description="Node label: Paper, Method, Model, Dataset, Benchmark, Task, Metric or Family.")
    def label(self) -> str:
        return self.record.label

    @strawberry.field(description="Display name (a paper's title).")
    def name(self) -> str:
        return self.record.name


@strawberry.interface(description="A named thing papers talk about: method, model, dataset, benchmark, task or metric.")
class Entity(Node):
    @strawberry.field(description="Normalised canonical name, unique per entity.")
    def key(self) -> str:
        return str(self.record.props.get("key", ""))

    @strawberry.field(description="Other spellings papers used for it.")
    def aliases(self) -> list[str]:
        return [str(a) for a in self.record.props.get("aliases", [])]

    @strawberry.field(description="Papers related to it in `role` (default: that mention it), by title.")
    async def papers(
        self, info: Info, role: PaperRole = PaperRole.MENTIONS, first: int = DEFAULT_PAGE, after: str | None = None
    ) -> Connection[Paper]:
        edges = await info.context.loaders.edges_of(self.record.id, [role.value], "in")
        records = await info.context.loaders.records({e.source for e in edges})
        return page(records, _sort_key, as_paper, first, after)


@strawberry.interface(description="A method or a model: what claims compare.")
class Technique(Entity):
    @strawberry.field(description="Its OUTPERFORMS claims (over `loser` only, when given; generic ones have no loser).")
    async def outperforms(self, info: Info, loser: str | None = None) -> list[Claim]:
        loaders = info.context.loaders
        queued, resolving = loaders.edges_of(self.record.id, CLAIM_TYPES, "out"), _resolve(loaders, loser)
        edges = await queued
        if resolving is not None:
            loser_id = await resolving
            edges = [e for e in edges if e.type == OUTPERFORMS and e.target == loser_id]
        return [Claim(edge=e) for e in await standing(loaders, edges)]

    @strawberry.field(description="OUTPERFORMS claims over it (by `winner` only, when given).")
    async def outperformed_by(self, info: Info, winner: str | None = None) -> list[Claim]:
        loaders = info.context.loaders
        queued, resolving = loaders.edges_of(self.record.id, [OUTPERFORMS], "in"), _resolve(loaders, winner)
        edges = await queued
        if resolving is not None:
            winner_id = await resolving
            edges = [e for e in edges if e.source == winner_id]
        return [Claim(edge=e) for e in await standing(loaders, edges)]

    @strawberry.field(description="COMPARABLE_TO claims in either direction.")
    async def comparable_to(self, info: Info) -> list[Comparison]:
        edges = await info.context.loaders.edges_of(self.record.id, [COMPARABLE_TO], "both")
        return [Comparison(edge=e, viewer=self.record.id) for e in edges]

    @strawberry.field(description="What it EXTENDS (its bases).")
    async def extends(self, info: Info) -> list[Extension]:
        return [Extension(edge=e) for e in await info.context.loaders.edges_of(self.record.id, [EXTENDS], "out")]

    @strawberry.field(description="What EXTENDS it.")
    async def extended_by(self, info: Info) -> list[Extension]:
        return [Extension(edge=e) for e in await info.context.loaders.edges_of(self.record.id, [EXTENDS], "in")]

    @strawberry.field(description="Families it IS_A member of directly (see Family.members for inherited membership).")
    async def families(self, info: Info) -> list[Family]:
        edges = await info.context.loaders.edges_of(self.record.id, [IS_A], "out")
        return [Family(record=r) for r in await info.context.loaders.records({e.target for e in edges})]

    @strawberry.field(description="Papers that propose it.")
    async def proposed_in(self, info: Info) -> list[Paper]:
        edges = await info.context.loaders.edges_of(self.record.id, [PROPOSES], "in")
        return [Paper(record=r) for r in await info.context.loaders.records({e.source for e in edges})]

    @strawberry.field(description="Datasets and benchmarks of the papers that propose it or compare with it.")
    async def evaluated_on(self, info: Info) -> list[Entity]:
        loaders = info.context.loaders
        papers = await loaders.edges_of(self.record.id, [PROPOSES, COMPARES_WITH], "in")
        used = await loaders.edges_of_many({e.source for e in papers}, [EVALUATES_ON], "out")
        return await entities(loaders, {e.target for e in used})


@strawberry.type(description="A method (an algorithm, architecture, training recipe).")
class Method(Technique):
    pass


@strawberry.type(description="A model (a named trained artefact).")
class Model(Technique):
    pass


async def _used_by(
    root: strawberry.Parent[Entity], info: Info, first: int = DEFAULT_PAGE, after: str | None = None
) -> Connection[Technique]:
    """Methods proposed in, or compared with in, a paper that evaluates on this dataset or benchmark."""
    loaders = info.context.loaders
    papers = await loaders.edges_of(root.record.id, [EVALUATES_ON], "in")
    used = await loaders.edges_of_many({e.source for e in papers}, [PROPOSES, COMPARES_WITH], "out")
    records = [r for r in await loaders.records({e.target for e in used}) if r.label in TECHNIQUE_LABELS]
    return page(records, _sort_key, technique, first, after)


@strawberry.type(description="A dataset.")
class Dataset(Entity):
    used_by: Connection[Technique] = strawberry.field(
        resolver=_used_by, description="Methods proposed or compared with in papers that evaluate on it."
    )


@strawberry.type(description="A benchmark (a suite of evaluations).")
class Benchmark(Entity):
    used_by: Connection[Technique] = strawberry.field(
        resolver=_used_by, description="Methods proposed or compared with in papers that evaluate on it."
    )


@strawberry.type(description="A task papers address.")
class Task(Entity):
    pass


@strawberry.type(description="A metric papers report.")
class Metric(Entity):
    pass


@strawberry.type(description="A family of methods (curated taxonomy or named by papers).")
class Family(Node):
    @strawberry.field
    def key(self) -> str:
        return str(self.record.props.get("key", ""))

    @strawberry.field
    def aliases(self) -> list[str]:
        return [str(a) for a in self.record.props.get("aliases", [])]

    @strawberry.field(description="Whether the curated taxonomy defines it.")
    def taxonomy(self) -> bool:
        return bool(self.record.props.get("taxonomy", False))

    @strawberry.field(description="Methods in it or any subfamily, and what EXTENDS them, by name.")
    async def members(self, info: Info, first: int = DEFAULT_PAGE, after: str | None = None) -> Connection[Technique]:
        records, total = await info.context.loaders.member_pages.load((self.record.id, first + 1, after))
        return connection([(technique(r), r.sort_key) for r in records[:first]], total, len(records) > first)

    @strawberry.field(description="Families directly below it.")
    async def subfamilies(self, info: Info) -> list[Family]:
        edges = await info.context.loaders.edges_of(self.record.id, [SUBFAMILY_OF], "in")
        return [Family(record=r) for r in await info.context.loaders.records({e.source for e in edges})]

    @strawberry.field(description="Families directly above it.")
    async def parents(self, info: Info) -> list[Family]:
        edges = await info.context.loaders.edges_of(self.record.id, [SUBFAMILY_OF], "out")
        return [Family(record=r) for r in await info.context.loaders.records({e.target for e in edges})]


@strawberry.type(description="A paper: its metadata and what its title and abstract say.")
class Paper(Node):
    @strawberry.field(description="The paper's own id (arXiv id, given id, or t-<hash of the title>).")
    def paper_id(self) -> str:
        return str(self.record.props.get("id", ""))

    @strawberry.field
    def title(self) -> str:
        return str(self.record.props.get("title", ""))

    @strawberry.field
    def abstract(self) -> str:
        return str(self.record.props.get("abstract", ""))

    @strawberry.field
    def url(self) -> str | None:
        return _optional(self.record.props.get("url"))

    @strawberry.field
    def published(self) -> str | None:
        return _optional(self.record.props.get("published"))

    @strawberry.field
    def authors(self) -> list[str]:
        return [str(a) for a in self.record.props.get("authors", [])]

    @strawberry.field(description="Where it was read from (file:line).")
    def source(self) -> str | None:
        return _optional(self.record.props.get("source"))

    @strawberry.field(description="method, dataset, benchmark, survey, theory, model or other.")
    def kind(self) -> str | None:
        return _optional(self.record.props.get("kind"))

    @strawberry.field(description="What it proposes.")
    async def proposes(self, info: Info) -> list[Entity]:
        return await self._targets(info, PROPOSES)

    @strawberry.field(description="Datasets and benchmarks it evaluates on.")
    async def evaluates_on(self, info: Info) -> list[Entity]:
        return await self._targets(info, EVALUATES_ON)

    @strawberry.field(description="Tasks it addresses.")
    async def addresses(self, info: Info) -> list[Entity]:
        return await self._targets(info, ADDRESSES)

    @strawberry.field(description="Metrics it reports.")
    async def reports(self, info: Info) -> list[Entity]:
        return await self._targets(info, REPORTS)

    @strawberry.field(description="Baselines it compares with.")
    async def compares_with(self, info: Info) -> list[Entity]:
        return await self._targets(info, COMPARES_WITH)

    @strawberry.field(description="Every entity it mentions, by name.")
    async def mentions(self, info: Info, first: int = DEFAULT_PAGE, after: str | None = None) -> Connection[Entity]:
        edges = await info.context.loaders.edges_of(self.record.id, [MENTIONS], "out")
        records = [r for r in await info.context.loaders.records({e.target for e in edges}) if r.label in ENTITY_LABELS]
        return page(records, _sort_key, entity, first, after)

    @strawberry.field(description="The OUTPERFORMS claims this paper makes, named and generic.")
    async def claims(self, info: Info) -> list[Claim]:
        loaders = info.context.loaders
        queued = (
            loaders.edges_of(self.record.id, [MENTIONS], "out"),
            loaders.edges_of(self.record.id, [OUTPERFORMS_GENERIC], "in"),
        )
        mentioned, generic = await queued[0], await queued[1]
        named = await loaders.edges_of_many({e.target for e in mentioned}, [OUTPERFORMS], "out")
        paper_id = self.record.props.get("id")
        edges = [e for e in named if e.props.get("paper") == paper_id] + list(generic)
        return [Claim(edge=e) for e in await standing(loaders, edges)]

    async def _targets(self, info: Info, rel_type: str) -> list[Entity]:
        edges = await info.context.loaders.edges_of(self.record.id, [rel_type], "out")
        return await entities(info.context.loaders, {e.target for e in edges})


ENTITY_TYPES: dict[str, type[Entity]] = {
    "Method": Method,
    "Model": Model,
    "Dataset": Dataset,
    "Benchmark": Benchmark,
    "Task": Task,
    "Metric": Metric,
}


def node_object(record: NodeRecord) -> Node:
    """The GraphQL object for a record, by its label."""
    if record.label == PAPER:
        return Paper(record=record)
    if record.label == FAMILY:
        return Family(record=record)
    return ENTITY_TYPES.get(record.label, Method)(record=record)


def as_paper(record: NodeRecord) -> Paper:
    return Paper(record=record)


def as_family(record: NodeRecord) -> Family:
    return Family(record=record)


def entity(record: NodeRecord) -> Entity:
    return ENTITY_TYPES.get(record.label, Method)(record=record)


def technique(record: NodeRecord) -> Technique:
    return Model(record=record) if record.label == "Model" else Method(record=record)


async def entities(loaders: Loaders, ids: Collection[str]) -> list[Entity]:
    """Entity objects for the entities among ``ids``, by name."""
    return [entity(r) for r in await loaders.records(ids) if r.label in ENTITY_LABELS]


def _resolve(loaders: Loaders, name: str | None) -> Awaitable[str | None] | None:
    """The queued lookup of an entity name, or None when no name was given."""
    return loaders.resolve(name, ENTITY_LABELS) if name is not None else None


def _sort_key(record: NodeRecord) -> tuple[str, str, str]:
    return record.sort_key


def _optional(value: object) -> str | None:
    return str(value) if value not in (None, "") else None
