"""Accumulate what a synthetic abstract says into its gold ExtractionRecord, sentence by sentence."""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.extract.lexicon import known_entities
from kg.records import Comparable, Entity, EntityType, ExtractionRecord, Outperforms, ProposedEntity
from kg.synthetic.vocab import VARIANT_SUFFIXES


@dataclass
class Gold:
    """The record under construction; entity order is first mention order."""

    id: str
    title: str
    proposed: str = ""
    proposed_aliases: list[str] = field(default_factory=list)
    families: list[str] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)
    baselines: list[str] = field(default_factory=list)
    is_a: list[tuple[str, str]] = field(default_factory=list)
    extends: list[tuple[str, str]] = field(default_factory=list)
    outperforms: list[Outperforms] = field(default_factory=list)
    comparable: list[Comparable] = field(default_factory=list)

    def entity(self, name: str, etype: EntityType, aliases: tuple[str, ...] = ()) -> str:
        if name not in self.entities:
            known = known_entities().get(name.casefold())
            self.entities[name] = Entity(name=name, aliases=list(aliases), type=known or etype)
        return name

    def method(self, name: str) -> str:
        return self.entity(name, "Method")

    def propose(self, name: str, aliases: tuple[str, ...] = (), family: str | None = None) -> None:
        self.proposed, self.proposed_aliases = name, list(aliases)
        self.entity(name, "Method", aliases)
        if family:
            self.families.append(family)
            self.member(name, family)

    def member(self, name: str, family: str) -> None:
        if (name, family) not in self.is_a:
            self.is_a.append((name, family))

    def extend(self, new: str, base: str) -> None:
        if (new, base) not in self.extends:
            self.extends.append((new, base))

    def _baseline(self, name: str) -> None:
        if name not in self.baselines and name != self.proposed:
            self.baselines.append(name)

    def beats(self, winner: str, loser: str, on: list[str], metric: str, evidence: str, generic: bool = False) -> None:
        """One claim per (winner, loser): a pair restated later keeps its first evidence."""
        if any(o.winner == winner and o.loser == loser for o in self.outperforms):
            return
        self.outperforms.append(
            Outperforms(winner=winner, loser=loser, on=on, metric=metric, loser_generic=generic, evidence=evidence)
        )
        if not generic and winner == self.proposed:
            self._baseline(loser)

    def parity(self, a: str, b: str, aspect: str, evidence: str) -> None:
        self.comparable.append(Comparable(a=a, b=b, aspect=aspect, evidence=evidence))
        if a == self.proposed:
            self._baseline(b)

    def record(self) -> ExtractionRecord:
        names = list(self.entities)
        for new in names:  # "FlashMix-Lite" next to "FlashMix" names a variant of it
            for base in names:
                if new.startswith(base + "-") and new[len(base) + 1 :] in VARIANT_SUFFIXES:
                    self.extend(new, base)

        def typed(*types: EntityType) -> list[str]:
            return [e.name for e in self.entities.values() if e.type in types]

        return ExtractionRecord(
            id=self.id,
            title=self.title,
            paper_kind="method",
            proposed=[
                ProposedEntity(name=self.proposed, aliases=self.proposed_aliases, type="Method", families=self.families)
            ],
            entities=list(self.entities.values()),
            evaluated_on=typed("Dataset", "Benchmark"),
            tasks=typed("Task"),
            metrics=typed("Metric"),
            baselines=self.baselines,
            is_a=self.is_a,
            extends=self.extends,
            outperforms=self.outperforms,
            comparable=self.comparable,
        )
