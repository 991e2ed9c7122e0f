"""Splitting a name group into the entities it really holds.

Entries that share a name are one entity unless their own aliases say otherwise: an acronym
spelled out two ways ("SFT" = sparse fine-tuning | supervised fine-tuning) is two senses, and
names of two different stored entities stay two entities.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from kg.names.acronyms import is_acronym_of
from kg.names.keys import key_words, match_key
from kg.resolve.mentions import Entry

STOPWORDS = frozenset({"a", "an", "and", "the", "of", "for", "with", "in", "on", "to", "via", "by"})


@dataclass
class Unit:
    """Entries that are certainly one entity (one name group, or one sense of it); ``expansions``: what they
    spell out."""

    index: int
    entries: list[Entry]
    expansions: set[str] = field(default_factory=set)

    def spells_out(self, name: str) -> bool:
        """Whether ``name`` is one of this unit's expansions (in the sense of ``same_sense``)."""
        return any(same_sense(name, exp) for exp in sorted(self.expansions))

    @property
    def names(self) -> set[str]:
        return {match_key(e.name) for e in self.entries}


# Words papers use interchangeably inside one expansion ("rotary position embedding" = "rotary positional encoding").
_SYNONYMS = {"embedding": "encoding", "embeddings": "encoding", "encodings": "encoding"}
_MIN_STEM = 5


def _sense_words(expansion: str) -> tuple[str, ...]:
    return tuple(_SYNONYMS.get(w, w) for w in key_words(expansion) if w not in STOPWORDS)


def _similar(a: str, b: str) -> bool:
    """One word, two spellings: equal, one a prefix of the other ("net" / "networks"), or a shared stem of 5+
    letters."""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    if len(short) >= 3 and long.startswith(short):
        return True
    stem = 0
    for x, y in zip(a, b, strict=False):  # the common prefix of two lengths
        if x != y:
            break
        stem += 1
    return stem >= _MIN_STEM


@lru_cache(maxsize=65536)
def _aligned(a: tuple[str, ...], b: tuple[str, ...], spare: int) -> bool:
    """Whether the word lists align word by word (a compound may stand for two words); ``spare`` trailing
    extras allowed."""
    if not a or not b:
        return len(a) + len(b) <= spare
    if _similar(a[0], b[0]) and _aligned(a[1:], b[1:], spare):
        return True
    if len(a) > 1 and _similar(a[0] + a[1], b[0]) and _aligned(a[2:], b[1:], spare):
        return True
    return len(b) > 1 and _similar(a[0], b[0] + b[1]) and _aligned(a[1:], b[2:], spare)


@lru_cache(maxsize=65536)
def same_sense(x: str, y: str) -> bool:
    """Whether two expansions of one acronym name the same thing.

    Word by word they must be spellings of one another ("networks" / "nets", "modeling" /
    "modelling", "adaptation" / "adapters"), with at most one extra word at the end
    ("chain-of-thought prompting" / "chain of thought"); "contrastive" vs "continual" learning
    or "supervised" vs "sparse" fine-tuning are different senses.
    """
    if match_key(x) == match_key(y):
        return True
    return _aligned(_sense_words(x), _sense_words(y), 1)


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
    distinct: dict[str, str] = {}
    for entry_id, exps in with_exp.items():
        for exp in exps:
            distinct.setdefault(match_key(exp), exp)
            comps.union(("e", entry_id), ("x", match_key(exp)))
    forms = sorted(distinct)
    for i, first in enumerate(forms):
        for second in forms[i + 1 :]:
            if same_sense(distinct[first], distinct[second]):
                comps.union(("x", first), ("x", second))
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
