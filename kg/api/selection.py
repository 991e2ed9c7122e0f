"""Filters → the nodes they allow, composed from batched reads (AND of every given field).

Each returns None when the filter restricts nothing, else a ``Related``: the conditions the
store applies itself in ``list_related`` (family membership, the far ends of a node's
relationships) and the ids of what two-hop conditions allow (empty when a name resolves to
nothing). Independent lookups are gathered so they share round trips.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from functools import reduce

from kg.api.context import Loaders
from kg.api.inputs import DatasetFilter, MethodFilter, PaperFilter
from kg.graph.model import (
    ADDRESSES,
    COMPARABLE_TO,
    COMPARES_WITH,
    ENTITY_LABELS,
    EVALUATES_ON,
    EXTENDS,
    FAMILY,
    MENTIONS,
    OUTPERFORMS,
    OUTPERFORMS_GENERIC,
    PROPOSES,
    paper_node,
)
from kg.graph.reads import Direction, EdgeRecord, NodeRecord, Related
from kg.names.keys import match_key

FAMILY_LABELS = (FAMILY,)
USES = (PROPOSES, COMPARES_WITH)
CLAIMS = (OUTPERFORMS, OUTPERFORMS_GENERIC)


def paper_id(value: str) -> str:
    """A paper's node id from its own id or its node id."""
    return value if value.startswith("Paper:") else paper_node(value)


async def _entity(loaders: Loaders, name: str | None) -> str | None:
    return await loaders.resolve(name, ENTITY_LABELS) if name is not None else None


async def _family(loaders: Loaders, name: str | None) -> str | None:
    return await loaders.resolve(name, FAMILY_LABELS) if name is not None else None


def _one(node: str | None) -> set[str]:
    return {node} if node is not None else set()


async def _members(loaders: Loaders, family: str | None) -> set[str]:
    return set(await loaders.members.load(family)) if family is not None else set()


async def _users_of(loaders: Loaders, targets: set[str], uses: tuple[str, ...], link: str) -> set[str]:
    """Entities a paper ``uses`` (PROPOSES/COMPARES_WITH) when that paper ``link``s (EVALUATES_ON …) a target."""
    papers = await loaders.ends_of_many(targets, [link], "in")
    return await loaders.ends_of_many(papers, uses, "out")


async def _used_in(loaders: Loaders, users: set[str], link: str, uses: tuple[str, ...] = USES) -> set[str]:
    """What papers that ``uses`` one of ``users`` ``link`` to (e.g. the datasets they evaluate on)."""
    papers = await loaders.ends_of_many(users, uses, "in")
    return await loaders.ends_of_many(papers, [link], "out")


async def _meet(jobs: list[Awaitable[set[str]]]) -> set[str] | None:
    """The intersection of what every job allows; None when there is no job."""
    if not jobs:
        return None
    return reduce(set.intersection, await asyncio.gather(*jobs))


def _related(
    family: str | None, links: list[tuple[str | None, tuple[str, ...], Direction]], sets: list[set[str]]
) -> Related:
    """The conditions a listing applies in the store; a name that did not resolve (None) allows nothing."""
    if any(node is None for node, _, _ in links):
        return Related(ids=frozenset())
    ids = frozenset(set.intersection(*sets)) if sets else None
    return Related(
        family=family, links=tuple((node, types, d) for node, types, d in links if node is not None), ids=ids
    )


async def method_ids(loaders: Loaders, f: MethodFilter | None) -> Related | None:
    """What a MethodFilter allows, as conditions for ``list_related`` (text is left to the listing)."""
    if f is None:
        return None
    family, beats, beaten_by, comparable, extends, evaluated = await asyncio.gather(
        _family(loaders, f.family),
        _entity(loaders, f.beats),
        _entity(loaders, f.beaten_by),
        _entity(loaders, f.comparable_to),
        _entity(loaders, f.extends),
        _entity(loaders, f.evaluated_on),
    )
    if f.family is not None and family is None:
        return Related(ids=frozenset())
    links: list[tuple[str | None, tuple[str, ...], Direction]] = []
    if f.beats is not None:
        links.append((beats, (OUTPERFORMS,), "in"))
    if f.beaten_by is not None:
        links.append((beaten_by, (OUTPERFORMS,), "out"))
    if f.comparable_to is not None:
        links.append((comparable, (COMPARABLE_TO,), "both"))
    if f.extends is not None:
        links.append((extends, (EXTENDS,), "in"))
    if f.proposed_in is not None:
        links.append((paper_id(str(f.proposed_in)), (PROPOSES,), "out"))
    sets = [await _users_of(loaders, _one(evaluated), USES, EVALUATES_ON)] if f.evaluated_on is not None else []
    return _related(family, links, sets)


async def paper_ids(loaders: Loaders, f: PaperFilter | None) -> Related | None:
    """What a PaperFilter allows, as conditions for ``list_related`` (text is left to the listing)."""
    if f is None:
        return None
    proposes, evaluated, mentions = await asyncio.gather(
        _entity(loaders, f.proposes), _entity(loaders, f.evaluated_on), _entity(loaders, f.mentions)
    )
    links: list[tuple[str | None, tuple[str, ...], Direction]] = []
    if f.proposes is not None:
        links.append((proposes, (PROPOSES,), "in"))
    if f.evaluated_on is not None:
        links.append((evaluated, (EVALUATES_ON,), "in"))
    if f.mentions is not None:
        links.append((mentions, (MENTIONS,), "in"))
    return _related(None, links, [])


async def dataset_ids(loaders: Loaders, f: DatasetFilter | None) -> Related | None:
    """Datasets/benchmarks allowed by a DatasetFilter (text is left to the listing)."""
    if f is None:
        return None
    method, family, task = await asyncio.gather(
        _entity(loaders, f.used_by_method), _family(loaders, f.used_by_family), _entity(loaders, f.task)
    )
    jobs: list[Awaitable[set[str]]] = []
    if f.used_by_method is not None:
        jobs.append(_used_in(loaders, _one(method), EVALUATES_ON))
    if f.used_by_family is not None:
        jobs.append(_family_used_in(loaders, family))
    if f.task is not None:
        jobs.append(_used_in(loaders, _one(task), EVALUATES_ON, (ADDRESSES,)))
    allowed = await _meet(jobs)
    return Related(ids=frozenset(allowed)) if allowed is not None else None


async def _family_used_in(loaders: Loaders, family: str | None) -> set[str]:
    return await _used_in(loaders, await _members(loaders, family), EVALUATES_ON)


async def claim_edges(
    loaders: Loaders, winner: str | None, loser: str | None, family: str | None, on: str | None
) -> list[EdgeRecord]:
    """OUTPERFORMS claims (and generic ones when no loser is asked for) matching every given field.

    ``on`` matches a claim whose ``on`` names the same dataset: its name, key or an alias.
    """
    winner_id, loser_id, fam, on_id = await asyncio.gather(
        _entity(loaders, winner), _entity(loaders, loser), _family(loaders, family), _entity(loaders, on)
    )
    if any(name is not None and node is None for name, node in ((winner, winner_id), (loser, loser_id), (family, fam))):
        return []
    members, on_record = await asyncio.gather(
        _members(loaders, fam), loaders.node(on_id) if on_id is not None else _nothing()
    )
    if winner_id is not None:
        edges = await loaders.edges_of(winner_id, CLAIMS, "out")
    elif loser_id is not None:
        edges = await loaders.edges_of(loser_id, [OUTPERFORMS], "in")
    else:
        edges = await loaders.edges_of_many(members, CLAIMS, "out")
    keep = [
        e
        for e in edges
        if (loser_id is None or (e.type == OUTPERFORMS and e.target == loser_id))
        and (fam is None or e.source in members)
        and (winner_id is None or e.source == winner_id)
    ]
    if on is None:
        return keep
    names = {match_key(on)} | (_names(on_record) if on_record is not None else set())
    return [e for e in keep if any(match_key(str(x)) in names for x in e.props.get("on", []))]


async def _nothing() -> None:
    return None


def _names(record: NodeRecord) -> set[str]:
    texts = [record.name, str(record.props.get("key", "")), *(str(a) for a in record.props.get("aliases", []))]
    return {match_key(t) for t in texts} - {""}


__all__ = ["FAMILY_LABELS", "claim_edges", "dataset_ids", "method_ids", "paper_id", "paper_ids"]
