"""The constrained union-find that joins units into entities, and the alias guard it relies on."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from kg.names.canonical import choose_type, kind_of
from kg.names.keys import key_words
from kg.resolve.senses import Unit

# Head words that only say what kind of thing a name is: "GLUE benchmark" is still GLUE.
_GENERIC_WORDS = frozenset(
    {
        "model",
        "method",
        "approach",
        "algorithm",
        "framework",
        "network",
        "architecture",
        "technique",
        "benchmark",
        "dataset",
        "data",
        "corpus",
        "collection",
        "suite",
        "task",
        "metric",
        "score",
        "system",
        "module",
        "layer",
        "block",
        "mechanism",
        "strategy",
        "scheme",
        "procedure",
        "tool",
        "variant",
        "family",
    }
)


class Clusters:
    """Union-find over units that refuses merges breaking the resolver's constraints."""

    def __init__(self, units: list[Unit]) -> None:
        self.parent = list(range(len(units)))
        self.papers = [{e.paper for e in u.entries if e.paper} for u in units]
        self.fixed = [{e.fixed_key for e in u.entries if e.fixed_key} for u in units]
        self.declared = [sum((e.declared for e in u.entries), Counter()) for u in units]
        self.inferred = [sum((e.inferred for e in u.entries), Counter()) for u in units]

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def kind(self, root: int) -> str:
        return kind_of(choose_type(self.declared[root] or self.inferred[root]))

    def union(self, i: int, j: int, *, force: bool = False) -> bool:
        a, b = sorted((self.find(i), self.find(j)))
        if a == b:
            return True
        if not force and (
            self.papers[a] & self.papers[b]
            or (self.fixed[a] and self.fixed[b] and self.fixed[a] != self.fixed[b])
            or self.kind(a) != self.kind(b)
        ):
            return False
        self.parent[b] = a
        self.papers[a] |= self.papers[b]
        self.fixed[a] |= self.fixed[b]
        self.declared[a] += self.declared[b]
        self.inferred[a] += self.inferred[b]
        return True


def _words(name: str) -> set[str]:
    """Key words, a metric's cut-off counted as a word of its own ("ndcg@10" → ndcg, 10)."""
    return {part for word in key_words(name) for part in word.split("@") if part}


def is_cut_or_padded(alias: str, names: Iterable[str]) -> bool:
    """Whether the alias drops or adds a meaningful word to a name ("accuracy" vs "top-1 accuracy",
    "nDCG" vs "nDCG@10")."""
    alias_words = _words(alias)
    for name in names:
        name_words = _words(name)
        if (alias_words < name_words or name_words < alias_words) and not (alias_words ^ name_words) <= _GENERIC_WORDS:
            return True
    return False
