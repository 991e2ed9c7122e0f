"""Splitting a name group into the entities it really holds.

Entries that share a name are one entity unless their own aliases say otherwise: an acronym
spelled out two ways ("SFT" = sparse fine-tuning | supervised fine-tuning) is two senses, and
names of two different stored entities stay two entities.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from kg.resolve.acronyms import is_acronym_of
from kg.resolve.keys import key_words, match_key
from kg.resolve.mentions import Entry

STOPWORDS = frozenset({"a", "an", "and", "the", "of", "for", "with", "in", "on", "to", "via", "by"})


@dataclass
class Unit:
    """Entries that are certainly one entity (one name group, or one sense of it)."""

    index: int
    entries: list[Entry]
    expansions: set[str] = field(default_factory=set)

    @property
    def names(self) -> set[str]:
        return {match_key(e.name) for e in self.entries}


def signatures(expansion: str) -> set[str]:
    """Forms under which two expansions count as one sense ("low-rank adaptation" ~ "low rank adapters")."""
    words = [w for w in key_words(expansion) if w not in STOPWORDS]
    return {match_key(expansion), "~" + " ".join(w[:4] for w in words)}


def expansions(entry: Entry) -> list[str]:
    """The aliases that spell out the entry's name when that name is an acronym."""
    return [a for a in entry.aliases if is_acronym_of(entry.name, a)]


def weight(entries: Iterable[Entry]) -> int:
    """How many mentions stand behind some entries (a stored entity counts its papers)."""
    return sum(e.weight for e in entries)


def order(entries: Iterable[Entry]) -> tuple[str, ...]:
    """A content-based sort key, so results never depend on record order."""
    return tuple(sorted(f"{e.fixed_key or ''}\x00{e.paper or ''}\x00{e.name}" for e in entries))


class _Components:
    """Tiny union-find over hashable items."""

    def __init__(self) -> None:
        self.parent: dict[object, object] = {}

    def find(self, item: object) -> object:
        self.parent.setdefault(item, item)
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a: object, b: object) -> None:
        self.parent[self.find(a)] = self.find(b)


def split_senses(entries: list[Entry]) -> list[list[Entry]]:
    """Split a name group by the different expansions its entries give (step 3)."""
    with_exp = {e.id: expansions(e) for e in entries}
    with_exp = {i: exps for i, exps in with_exp.items() if exps}
    if not with_exp:
        return [entries]
    comps = _Components()
    for entry_id, exps in with_exp.items():
        for exp in exps:
            for sig in signatures(exp):
                comps.union(("e", entry_id), ("s", sig))
    parts: dict[object, list[Entry]] = {}
    for entry in entries:
        if entry.id in with_exp:
            parts.setdefault(comps.find(("e", entry.id)), []).append(entry)
    if len(parts) == 1:
        return [entries]
    senses = sorted(parts.values(), key=order)
    heaviest = min(senses, key=lambda s: (-weight(s), order(s)))
    heaviest.extend(e for e in entries if e.id not in with_exp)
    return senses


def split_stored(entries: list[Entry]) -> list[list[Entry]]:
    """One part per stored entity (they never merge); new entries join the heaviest one."""
    keys = sorted({e.fixed_key for e in entries if e.fixed_key})
    if len(keys) <= 1:
        return [entries]
    parts = {k: [e for e in entries if e.fixed_key == k] for k in keys}
    heaviest = min(keys, key=lambda k: (-weight(parts[k]), k))
    parts[heaviest].extend(e for e in entries if not e.fixed_key)
    return [parts[k] for k in keys]


