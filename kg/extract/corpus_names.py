"""The corpus-wide pass: names defined anywhere (acronyms, title names) matched everywhere.

A name that paper A defines ("Low-Rank Adaptation (LoRA)") is then recognised in paper B's
text even where B's own patterns would miss it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.matcher import PhraseMatcher

from kg.extract.acronyms import find_definitions
from kg.extract.entities import is_generic
from kg.extract.lexicon import known_entities
from kg.extract.mentions import is_name_shaped
from kg.extract.names import surface_key
from kg.extract.nlp import english
from kg.extract.proposed import title_names
from kg.types import Paper


@dataclass
class CorpusNames:
    """Surface forms defined somewhere in the corpus; picklable, matchers built lazily."""

    names: set[str] = field(default_factory=set)
    expansions: dict[str, set[str]] = field(default_factory=dict)  # long-form key → short forms seen
    _matchers: tuple[PhraseMatcher, PhraseMatcher] | None = field(default=None, repr=False, compare=False)

    def add_paper(self, paper: Paper) -> None:
        for definition in find_definitions(f"{paper.title}\n{paper.abstract}"):
            for surface in (definition.short, definition.long):
                if not is_generic(surface):
                    self.names.add(surface)
            if not is_generic(definition.short):
                self.expansions.setdefault(surface_key(definition.long), set()).add(definition.short)
        for name in title_names(paper.title, paper.abstract):
            if not is_generic(name):
                self.names.add(name)

    def short_for(self, long_form: str) -> str | None:
        """The acronym another abstract defined for this expansion, when only one was ever defined."""
        shorts = self.expansions.get(surface_key(long_form), set())
        return next(iter(shorts)) if len(shorts) == 1 else None

    def matchers(self) -> tuple[PhraseMatcher, PhraseMatcher]:
        """(exact-case matcher for acronym-like names, case-insensitive matcher for phrases)."""
        if self._matchers is None:
            nlp = english()
            exact, lower = PhraseMatcher(nlp.vocab), PhraseMatcher(nlp.vocab, attr="LOWER")
            for name in sorted(self.names | set(known_entities_spelled())):
                target = exact if is_name_shaped(name.split()[0]) and " " not in name else lower
                target.add("NAME", [nlp.make_doc(name)])
            self._matchers = (exact, lower)
        return self._matchers

    def __getstate__(self) -> dict[str, object]:
        return {"names": self.names, "expansions": self.expansions, "_matchers": None}


def known_entities_spelled() -> list[str]:
    from kg.extract.lexicon import known_surfaces

    return list(known_surfaces().values())


def collect_names(papers: Iterable[Paper]) -> CorpusNames:
    names = CorpusNames()
    for paper in papers:
        names.add_paper(paper)
    return names


__all__ = ["CorpusNames", "collect_names", "known_entities"]
