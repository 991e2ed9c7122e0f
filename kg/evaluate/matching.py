"""Name normalisation and one-to-one item matching: the only place that decides "same thing".

Keeping every equality rule here means scoring and reporting can never disagree with each
other about whether two surface forms name the same entity.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from kg.records import ExtractionRecord

T = TypeVar("T")
G = TypeVar("G")

_SEPARATORS = re.compile(r"[\s\-_\u2010-\u2015]+")
_MARKUP = re.compile(r"[\^{}]")
_KEEP_S = ("ss", "us", "is")
# Trailing words that say "a kind of thing" without narrowing the family.
GENERIC_FAMILY_WORDS: frozenset[str] = frozenset(
    {
        "method",
        "model",
        "technique",
        "approach",
        "framework",
        "architecture",
        "algorithm",
        "family",
        "variant",
    }
)


def _singular(word: str) -> str:
    """Drop a plural ending so "databases"/"database" and "approaches"/"approach" agree.

    After the "s" goes a final "e" goes too (on both forms), which makes "-s" and "-es"
    plurals agree with their singular without needing a dictionary.
    """
    if len(word) <= 3 or word.endswith(_KEEP_S):
        return word
    if word.endswith("s"):
        word = word[:-1]
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    return word


def _words(text: str) -> list[str]:
    """NFKC, casefold, strip ^{} markup, then split on hyphens/underscores/spaces."""
    text = _MARKUP.sub("", unicodedata.normalize("NFKC", text).casefold())
    return [_singular(w) for w in _SEPARATORS.split(text) if w]


def normalize(name: str) -> str:
    """Canonical key of a surface form: "S^{2}FT" == "S2FT", "Vision-Transformers" == "vision transformer"."""
    return "".join(_words(name))


def normalize_family(name: str) -> str:
    """Family key: as ``normalize`` plus dropping trailing generic words ("vision mamba models" → "vision mamba")."""
    words = _words(name)
    generic = {_singular(w) for w in GENERIC_FAMILY_WORDS}
    while len(words) > 1 and words[-1] in generic:
        words.pop()
    return "".join(words)


class AliasIndex:
    """One record's alias groups, so a relation's name can be widened to every form the record uses for it."""

    def __init__(self, record: ExtractionRecord) -> None:
        self._groups: dict[str, set[str]] = {}
        for ent in [*record.proposed, *record.entities]:
            forms = {k for k in (normalize(s) for s in [ent.name, *ent.aliases]) if k}
            for key in forms:
                self._groups.setdefault(key, set()).update(forms)

    def forms(self, name: str, extra: Iterable[str] = ()) -> frozenset[str]:
        """Normalised surface forms of ``name`` (plus ``extra`` aliases), widened through the record's groups."""
        out: set[str] = set()
        for raw in [name, *extra]:
            key = normalize(raw)
            if key:
                out.add(key)
                out |= self._groups.get(key, set())
        return frozenset(out)


def forms_match(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two names match when their surface-form sets share a form (empty sets never match)."""
    return not a.isdisjoint(b)


@dataclass(frozen=True)
class Item:
    """One scorable fact: its sides' surface-form sets, an exact tag (e.g. entity type), a readable label."""

    label: str
    sides: tuple[frozenset[str], ...]
    tag: str = ""
    unordered: bool = False


def items_match(gold: Item, pred: Item) -> bool:
    """Same tag and every side matches; an unordered pair may also match crosswise."""
    if gold.tag != pred.tag or len(gold.sides) != len(pred.sides):
        return False
    if all(forms_match(g, p) for g, p in zip(gold.sides, pred.sides, strict=True)):
        return True
    if gold.unordered and len(gold.sides) == 2:
        return forms_match(gold.sides[0], pred.sides[1]) and forms_match(gold.sides[1], pred.sides[0])
    return False


def match_items(
    gold: Sequence[G], pred: Sequence[T], same: Callable[[G, T], bool]
) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """Pair gold and pred items one-to-one; return (pairs, unmatched gold idx, unmatched pred idx).

    Uses augmenting paths (a maximum matching, tried in pred order) rather than plain
    greedy so one ambiguous prediction cannot steal the only gold item another one fits.
    Each gold item is used at most once, so duplicate predictions become false positives.
    """
    edges = [[g for g in range(len(gold)) if same(gold[g], p)] for p in pred]
    owner: list[int | None] = [None] * len(gold)

    def augment(p: int, seen: set[int]) -> bool:
        for g in edges[p]:
            if g in seen:
                continue
            seen.add(g)
            current = owner[g]
            if current is None or augment(current, seen):
                owner[g] = p
                return True
        return False

    for p in range(len(pred)):
        augment(p, set())
    pairs = sorted((p, g) for g, p in enumerate(owner) if p is not None)
    used_pred = {p for p, _ in pairs}
    missed_gold = [g for g, p in enumerate(owner) if p is None]
    extra_pred = [p for p in range(len(pred)) if p not in used_pred]
    return [(g, p) for p, g in pairs], missed_gold, extra_pred
