"""The learned typer applied to a paper's entity table: each group retyped, or dropped when it is no entity.

The rules stay the candidate generator (they find names with high recall); the typer
(``kg.typer``) decides the type from the name and the words around its mentions, and drops
what it is confident is no entity at all ("Training Code", "A/B", a noun phrase that names
nothing). Groups the paper defines by acronym, names some paper of the corpus defined, title
names and coined proposals are kept whatever it says (a definition is strong evidence of a
name); their type is still the typer's.
"""

from __future__ import annotations

from kg.extract.entities import EntityGroup, EntityTable
from kg.extract.lexicon import known_entities
from kg.records import ENTITY_TYPES, EntityType
from kg.typer import NONE, Candidate, TyperModel
from kg.typer.candidate import context_of

DROP_AT: dict[str, float] = {"chunk": 0.7, "lexicon": 0.8, "task": 0.8, "metric": 0.8, "name": 0.9}
"""Drop a group when the typer gives not-an-entity at least this probability, by its most trusted detector.

Chosen by five-fold cross-validation over the training gold (dev + arXiv train): a noun phrase
is kept only when the typer is fairly sure, a name-shaped token unless it is nearly sure it is none.
"""
KEEP_SOURCES = frozenset({"acronym", "corpus", "title", "coined"})


def candidate_of(group: EntityGroup, text: str, title_end: int) -> Candidate:
    """The typer's view of one group."""
    known = known_entities()
    surfaces = tuple(sorted(group.surfaces))
    known_type = next(
        (known[s.casefold()] for s in (group.name, *surfaces, group.long or "") if s.casefold() in known), ""
    )
    return Candidate(
        name=group.name,
        surfaces=surfaces,
        long_form=group.long or "",
        contexts=tuple(context_of(text, m.start, m.end) for m in sorted(group.mentions, key=lambda m: m.start)),
        sources=tuple(sorted({m.source for m in group.mentions})),
        rule_type=group.voted_type,
        known_type=known_type,
        in_title=any(m.start < title_end for m in group.mentions),
    )


def drop_threshold(sources: set[str]) -> float:
    """The not-an-entity probability at which a group found by ``sources`` is dropped (above 1: never)."""
    if sources & KEEP_SOURCES:
        return 2.0
    return max(DROP_AT.get(s, 0.8) for s in sources)


def apply_typer(
    table: EntityTable, text: str, title_end: int, model: TyperModel, defined: frozenset[str] = frozenset()
) -> None:
    """Retype every group of ``table`` by ``model``; drop those it judges no entity (see ``DROP_AT``).

    ``defined``: casefolded names some paper of the corpus defined; a group spelled so is kept, in
    whatever case this paper writes it ("zorblat tuning").
    """
    for key, group in list(table.groups.items()):
        if not group.surfaces or group.pinned:
            continue
        probs = model.probabilities(candidate_of(group, text, title_end))
        sources = {m.source for m in group.mentions}
        if any(s.casefold() in defined for s in group.surfaces):
            sources.add("corpus")
        if probs[NONE] >= drop_threshold(sources):
            table.drop(key)
            continue
        group.decided = entity_type_of(probs)


def entity_type_of(probs: dict[str, float]) -> EntityType:
    """The most probable entity type (not-an-entity left out)."""
    best = max((c for c in probs if c != NONE), key=lambda c: probs[c])
    if best not in ENTITY_TYPES:
        raise ValueError(f"the typer model knows a class {best!r} that is no entity type")
    return best
