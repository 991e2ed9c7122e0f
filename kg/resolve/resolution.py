"""The result of resolving a batch of records: canonical entities, families and per-paper name tables."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TypeVar

from kg.errors import KgError
from kg.names.keys import match_key
from kg.records import ExtractionRecord
from kg.resolve.model import (
    ResolvedComparable,
    ResolvedEntity,
    ResolvedEvidence,
    ResolvedFamily,
    ResolvedIsA,
    ResolvedMention,
    ResolvedOutperforms,
    ResolvedRecord,
)

T = TypeVar("T")


class Resolution:
    """Entities and families keyed by canonical key, and which key each paper's surfaces mean.

    ``memberships`` maps an entity key to the taxonomy families its curated membership puts it
    in (the graph's IS_A {source: "taxonomy"} edges).
    """

    def __init__(
        self,
        entities: Mapping[str, ResolvedEntity],
        families: Mapping[str, ResolvedFamily],
        memberships: Mapping[str, list[str]],
        tables: Mapping[str, Mapping[str, str]],
        mentions: Mapping[str, list[ResolvedMention]],
        family_key: Callable[[str], str],
    ) -> None:
        self.entities = dict(entities)
        self.families = dict(families)
        self.memberships = dict(memberships)
        self._tables = {paper: dict(table) for paper, table in tables.items()}
        self._mentions = {paper: list(items) for paper, items in mentions.items()}
        self._family_key = family_key
        self._global: dict[str, set[str]] = {}
        for table in self._tables.values():
            for surface, key in table.items():
                self._global.setdefault(surface, set()).add(key)
        for entity in self.entities.values():
            for surface in (entity.name, *entity.aliases):
                self._global.setdefault(match_key(surface), set()).add(entity.key)

    @property
    def papers(self) -> list[str]:
        """Ids of the papers this resolution covers."""
        return sorted(self._tables)

    def key_for(self, paper_id: str, surface: str) -> str | None:
        """The entity key ``surface`` means in paper ``paper_id``; None when that paper never used it."""
        return self._tables.get(paper_id, {}).get(match_key(surface))

    def lookup(self, surface: str) -> str | None:
        """The entity key a surface means anywhere, when it means exactly one; else None."""
        keys = self._global.get(match_key(surface), set())
        return next(iter(keys)) if len(keys) == 1 else None

    def family_key(self, phrase: str) -> str:
        """The family key of a family phrase (taxonomy canonical when known)."""
        return self._family_key(phrase)

    def mentions(self, paper_id: str) -> list[ResolvedMention]:
        """How paper ``paper_id`` mentions each entity, sorted by key."""
        return list(self._mentions.get(paper_id, []))

    def resolve_record(self, record: ExtractionRecord) -> ResolvedRecord:
        """``record`` with every name replaced by its entity key and every family by its family key."""
        if record.id not in self._tables:
            raise KgError(f"paper {record.id!r} was not part of this resolution; resolve its record first")

        def key(name: str) -> str:
            found = self.key_for(record.id, name)
            if found is None:
                raise KgError(f"paper {record.id!r}: name {name!r} has no entity (record changed after resolving?)")
            return found

        def keys(names: Iterable[str]) -> list[str]:
            return _unique(key(n) for n in names if match_key(n))

        is_a = [
            ResolvedIsA(entity=key(member), family=self.family_key(family), surface=family)
            for member, family in [
                *record.is_a,
                *((p.name, f) for p in record.proposed for f in p.families),
            ]
            if match_key(member) and family.strip()
        ]
        outperforms = [
            ResolvedOutperforms(
                winner=key(c.winner),
                loser=None if c.loser_generic else key(c.loser),
                loser_text=c.loser,
                on=keys(c.on),
                metric=c.metric,
                loser_generic=c.loser_generic,
                evidence=c.evidence,
                confidence=c.confidence,
                on_inferred=c.on_inferred,
                margin=c.margin,
            )
            for c in record.outperforms
            if match_key(c.winner) and (c.loser_generic or match_key(c.loser))
        ]
        comparable = [
            ResolvedComparable(a=key(c.a), b=key(c.b), aspect=c.aspect, evidence=c.evidence, confidence=c.confidence)
            for c in record.comparable
            if match_key(c.a) and match_key(c.b)
        ]
        extends = [(key(a), key(b)) for a, b in record.extends if match_key(a) and match_key(b)]
        evidence = [
            ResolvedEvidence(
                relation=e.relation,
                source=key(e.source) if e.source else "",
                target=self.family_key(e.target) if e.relation == "is_a" else key(e.target),
                sentence=e.sentence,
                confidence=e.confidence,
            )
            for e in record.evidence
            if match_key(e.target)
            and (not e.source or match_key(e.source))
            and (e.relation == "is_a" or self.key_for(record.id, e.target) is not None)
            and (not e.source or self.key_for(record.id, e.source) is not None)
        ]
        return ResolvedRecord(
            id=record.id,
            title=record.title,
            paper_kind=record.paper_kind,
            mentions=self.mentions(record.id),
            proposed=keys(p.name for p in record.proposed),
            evaluated_on=keys(record.evaluated_on),
            tasks=keys(record.tasks),
            metrics=keys(record.metrics),
            baselines=keys(record.baselines),
            is_a=_unique_by(is_a, lambda i: (i.entity, i.family)),
            extends=_unique((a, b) for a, b in extends if a != b),
            outperforms=_unique(c for c in outperforms if c.winner != c.loser),
            defines=list(record.defines),
            acronyms=list(record.acronyms),
            comparable=_unique(c for c in comparable if c.a != c.b),
            evidence=_unique(evidence),
        )


def _unique(items: Iterable[T]) -> list[T]:
    """Items in first-seen order without repeats."""
    seen: list[T] = []
    for item in items:
        if item not in seen:
            seen.append(item)
    return seen


def _unique_by(items: Iterable[T], by: Callable[[T], object]) -> list[T]:
    seen: set[object] = set()
    out: list[T] = []
    for item in items:
        if by(item) not in seen:
            seen.add(by(item))
            out.append(item)
    return out
