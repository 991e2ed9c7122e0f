"""The corpus-wide pass: names defined anywhere (acronyms, title names) matched everywhere.

A name that paper A defines ("Low-Rank Adaptation (LoRA)") is then recognised in paper B's
text even where B's own patterns would miss it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.matcher import PhraseMatcher

from kg.corpus.budget import check_size
from kg.extract.acronyms import find_definitions
from kg.extract.entities import is_generic
from kg.extract.lexicon import known_entities
from kg.extract.markup import strip_markup
from kg.extract.mentions import is_name_shaped
from kg.extract.names import surface_key
from kg.extract.nlp import english
from kg.extract.proposed import title_names
from kg.records import Paper


@dataclass
class CorpusNames:
    """Surface forms defined somewhere in the corpus; picklable, matchers built lazily."""

    names: set[str] = field(default_factory=set)
    expansions: dict[str, set[str]] = field(default_factory=dict)  # long-form key → short forms seen
    _matchers: tuple[PhraseMatcher, PhraseMatcher] | None = field(default=None, repr=False, compare=False)
    _defined: frozenset[str] | None = field(default=None, repr=False, compare=False)

    def add_paper(self, paper: Paper) -> None:
        """Add what ``paper`` defines; a paper over the size budget defines nothing (its text is never scanned)."""
        if check_size(paper) is None:
            self.add_defined(*paper_lexicon(paper))

    def add_defined(self, names: Iterable[str], acronyms: Iterable[tuple[str, str]]) -> None:
        """Add what one paper defines (``paper_lexicon``), e.g. as stored with the paper."""
        self.names.update(names)
        for short, long in acronyms:
            self.expansions.setdefault(surface_key(long), set()).add(short)
        self._matchers = self._defined = None

    def update(self, other: CorpusNames) -> None:
        self.names |= other.names
        for key, shorts in other.expansions.items():
            self.expansions.setdefault(key, set()).update(shorts)
        self._matchers = self._defined = None

    def added_by(self, other: CorpusNames) -> set[str]:
        """Names ``other`` would add: new names, and long forms that gain an acronym.

        A stored paper whose text contains one of these may now be linked differently.
        """
        new = other.names - self.names
        for key, shorts in other.expansions.items():
            if not shorts <= self.expansions.get(key, set()):
                new.update(shorts)
        return new

    def short_for(self, long_form: str) -> str | None:
        """The acronym another abstract defined for this expansion, when only one was ever defined."""
        shorts = self.expansions.get(surface_key(long_form), set())
        return next(iter(shorts)) if len(shorts) == 1 else None

    def defined_keys(self) -> frozenset[str]:
        """The casefolded names papers of the corpus defined (by acronym or title)."""
        if self._defined is None:
            self._defined = frozenset(n.casefold() for n in self.names)
        return self._defined

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
        return {"names": self.names, "expansions": self.expansions, "_matchers": None, "_defined": None}


def paper_lexicon(paper: Paper) -> tuple[list[str], list[tuple[str, str]]]:
    """What one paper adds to the corpus-wide pass: (names, (short, long) acronym definitions), sorted.

    Stored with the paper, so a later ingest rebuilds the corpus lexicon without re-reading abstracts.
    """
    names: set[str] = set()
    acronyms: set[tuple[str, str]] = set()
    for definition in find_definitions(strip_markup(f"{paper.title}\n{paper.abstract}")):
        names.update(s for s in (definition.short, definition.long) if not is_generic(s))
        if not is_generic(definition.short):
            acronyms.add((definition.short, definition.long))
    names.update(n for n in title_names(paper.title, paper.abstract) if not is_generic(n))
    return sorted(names), sorted(acronyms)


def known_entities_spelled() -> list[str]:
    from kg.extract.lexicon import known_surfaces

    return list(known_surfaces().values())


def collect_names(papers: Iterable[Paper]) -> CorpusNames:
    names = CorpusNames()
    for paper in papers:
        names.add_paper(paper)
    return names


__all__ = ["CorpusNames", "collect_names", "known_entities", "paper_lexicon"]
