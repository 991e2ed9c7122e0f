"""Group a paper's mentions into entities: one name, its aliases and a voted type."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from kg.extract.acronyms import AcronymDefinition
from kg.extract.mentions import Mention
from kg.extract.names import surface_key
from kg.extract.type_rules import entity_type
from kg.extract.vocabulary import CLASS_HEADS, GENERIC_NAMES
from kg.records import Entity, EntityType
from kg.taxonomy import load_taxonomy

_NEXT = re.compile(r"\s*\)?\s*([\w\-]+)")  # the word after a name, past the ")" closing an acronym


@dataclass
class EntityGroup:
    key: str
    surfaces: Counter[str] = field(default_factory=Counter)
    short: str | None = None
    long: str | None = None
    votes: Counter[EntityType] = field(default_factory=Counter)
    mentions: list[Mention] = field(default_factory=list)
    first: int = 10**9
    decided: EntityType | None = None
    """The type the learned typer gave it, over the rules' votes."""
    tool_only: bool = False
    """A listed tool or device: kept only if a claim compares against it."""
    pinned: bool = False
    """The text says what it is ("X: A Benchmark for …", "datasets such as X"): the typer leaves its type."""

    @property
    def name(self) -> str:
        if self.short:
            return self.short
        # the most frequent surface; on ties the lower-case (canonical) spelling, then first seen
        return sorted(self.surfaces.items(), key=lambda kv: (-kv[1], not kv[0][:1].islower(), kv[0]))[0][0]

    @property
    def voted_type(self) -> EntityType:
        """The rules' type: most votes, ties broken towards the rarer kinds."""
        order = ("Dataset", "Benchmark", "Model", "Metric", "Task", "Method")
        return sorted(self.votes.items(), key=lambda kv: (-kv[1], order.index(kv[0])))[0][0]

    @property
    def type(self) -> EntityType:
        return self.decided or self.voted_type

    def to_entity(self) -> Entity:
        name = self.name
        aliases = sorted(
            {s for s in self.surfaces if s != name} | ({self.long} if self.long and self.long != name else set())
        )
        return Entity(name=name, aliases=aliases, type=self.type)


class EntityTable:
    """Mentions grouped by normalised key, with acronym ↔ expansion links."""

    def __init__(self, text: str, definitions: list[AcronymDefinition]) -> None:
        self.text = text
        self.groups: dict[str, EntityGroup] = {}
        self._redirect: dict[str, str] = {}
        for d in definitions:
            short_key, long_key = surface_key(d.short), surface_key(d.long)
            group = self._group(short_key)
            group.short, group.long = d.short, d.long
            self._redirect[long_key] = short_key
        self.mention_group: dict[tuple[int, int], str] = {}

    def _group(self, key: str) -> EntityGroup:
        key = self._redirect.get(key, key) if hasattr(self, "_redirect") else key
        if key not in self.groups:
            self.groups[key] = EntityGroup(key=key)
        return self.groups[key]

    def add(self, mention: Mention) -> None:
        text = mention.text.strip()
        if is_generic(text):
            return
        next_word = _NEXT.match(self.text, mention.end)
        if next_word and next_word.group(1).lower() in CLASS_HEADS and load_taxonomy().family_for(text):
            return  # "Low-rank adaptation methods, such as LoRA": a family, not an entity
        key = surface_key(text)
        group = self._group(key)
        group.surfaces[text] += 1
        group.mentions.append(mention)
        group.first = min(group.first, mention.start)
        group.votes[
            entity_type(text, next_word.group(1) if next_word else "", group.long or "", mention.type_hint)
        ] += 1
        self.mention_group[(mention.start, mention.end)] = group.key

    def merge(self, long_surface: str, short_surface: str) -> None:
        """Record that two surfaces name one entity ("LoRA Silver Bullet or LoRA-SB")."""
        long_group, short_group = self.find(long_surface), self.find(short_surface)
        if long_group is None or short_group is None or long_group is short_group:
            return
        short_group.surfaces.update(long_group.surfaces)
        short_group.votes.update(long_group.votes)
        short_group.mentions += long_group.mentions
        short_group.first = min(short_group.first, long_group.first)
        short_group.short = short_group.short or short_surface
        short_group.long = short_group.long or long_surface
        for span, key in list(self.mention_group.items()):
            if key == long_group.key:
                self.mention_group[span] = short_group.key
        self._redirect[long_group.key] = short_group.key
        del self.groups[long_group.key]

    def drop(self, key: str) -> None:
        """Forget a group (the typer found it is no entity): its mentions name nothing any more."""
        self.groups.pop(key, None)

    def group_at(self, mention: Mention) -> EntityGroup | None:
        key = self.mention_group.get((mention.start, mention.end))
        return self.groups.get(key) if key else None

    def find(self, surface: str) -> EntityGroup | None:
        key = surface_key(surface)
        return self.groups.get(self._redirect.get(key, key))

    def entities(self) -> list[Entity]:
        groups = [g for g in self.groups.values() if g.surfaces]
        return [g.to_entity() for g in sorted(groups, key=lambda g: g.first)]


def is_generic(text: str) -> bool:
    """Phrases that are never entity names: "our method", "baselines", umbrella classes like LLMs."""
    lowered = text.casefold()
    if lowered in GENERIC_NAMES or len(lowered) < 2:
        return True
    if lowered.split()[0] in {"our", "the", "this", "these", "a", "an", "its", "their", "we"}:
        return True
    return load_taxonomy().is_umbrella(text)
