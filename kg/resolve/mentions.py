"""One paper's mentions: every name its record uses, grouped into one entry per entity.

Inside a record the annotation is trusted: a name and its aliases are one entity, two
different names are two entities. Names used only in relations (``evaluated_on``, a loser,
a baseline, …) become entries too, typed by the role they play.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from kg.names.canonical import choose_type
from kg.names.keys import match_key
from kg.records import EntityType, ExtractionRecord
from kg.resolve.variants import fold_edition

DATA_TYPES = frozenset({"Dataset", "Benchmark"})


@dataclass
class Entry:
    """One entity as one source knows it: a paper's mention, or a stored entity's name (``fixed_key`` set)."""

    id: int
    paper: str | None
    name: str
    aliases: list[str]
    declared: Counter[str] = field(default_factory=Counter)
    inferred: Counter[str] = field(default_factory=Counter)
    fixed_key: str | None = None
    weight: int = 1

    @property
    def vote(self) -> EntityType:
        """This entry's own type: the declared one, else the one its role suggests."""
        return choose_type(self.declared or self.inferred)


@dataclass
class PaperMentions:
    """A record's entries and its surface table (``match_key`` of every name and alias → entry)."""

    paper: str
    entries: list[Entry]
    table: dict[str, Entry]


def _clean(text: str) -> str:
    return " ".join(text.split())


def role_names(record: ExtractionRecord) -> Iterator[tuple[str, EntityType]]:
    """Every name a record uses in a relation, with the type that role implies."""
    for name in record.evaluated_on:
        yield name, "Dataset"
    for name in record.tasks:
        yield name, "Task"
    for name in record.metrics:
        yield name, "Metric"
    for name in record.baselines:
        yield name, "Method"
    for member, _family in record.is_a:
        yield member, "Method"
    for new, base in record.extends:
        yield new, "Method"
        yield base, "Method"
    for claim in record.outperforms:
        yield claim.winner, "Method"
        if not claim.loser_generic:
            yield claim.loser, "Method"
        for name in claim.on:
            yield name, "Dataset"
    for parity in record.comparable:
        yield parity.a, "Method"
        yield parity.b, "Method"


def collect(record: ExtractionRecord, first_id: int) -> PaperMentions:
    """The entries of one record; entry ids count up from ``first_id``."""
    entries: list[Entry] = []
    table: dict[str, Entry] = {}

    def new_entry(name: str) -> Entry:
        entry = Entry(first_id + len(entries), record.id, name, [])
        entries.append(entry)
        table[match_key(name)] = entry
        return entry

    declared = [*record.entities, *record.proposed]
    for item in declared:
        name = _clean(item.name)
        aliases = [a for a in map(_clean, item.aliases) if a]
        if item.type in DATA_TYPES and (base := fold_edition(name)) is not None:
            name, aliases = base, [name, *aliases]  # "COCO 2015" is COCO, its edition kept as an alias
        if not match_key(name):
            continue
        entry = table.get(match_key(name)) or new_entry(name)
        if not entry.declared:
            entry.declared[item.type] += 1
        entry.aliases.extend(a for a in aliases if a not in entry.aliases and a != entry.name)
    _settle_aliases(entries, table)
    for name, role_type in role_names(record):
        name = _clean(name)
        if not match_key(name):
            continue
        entry = table.get(match_key(name)) or new_entry(name)
        if not entry.declared and not entry.inferred:
            entry.inferred[role_type] += 1
    return PaperMentions(record.id, entries, table)


def _settle_aliases(entries: list[Entry], table: dict[str, Entry]) -> None:
    """Put aliases in the table; drop an alias that is another entry's name or that two entries claim."""
    claims: dict[str, set[int]] = {}
    for entry in entries:
        for alias in entry.aliases:
            key = match_key(alias)
            if key and key not in table:
                claims.setdefault(key, set()).add(entry.id)
    for entry in entries:
        kept = []
        for alias in entry.aliases:
            key = match_key(alias)
            owner = table.get(key)
            if owner is entry or (owner is None and claims.get(key) == {entry.id}):
                kept.append(alias)
        entry.aliases = kept
    for entry in entries:
        for alias in entry.aliases:
            table.setdefault(match_key(alias), entry)
