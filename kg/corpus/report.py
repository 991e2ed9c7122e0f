"""What a read did: counts and the records it skipped, so nothing is dropped silently."""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.errors import BudgetError, RecordError


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


@dataclass
class ReadReport:
    """Counts of one ``read_papers`` run; ``errors`` holds skipped records and duplicate notes.

    ``over_budget`` counts papers skipped for the per-paper ingest budget (kg.config.Budget): by
    size when read (those never count as read), or later by extraction time or names per sentence.
    """

    read: int = 0
    skipped: int = 0
    errors: list[RecordError] = field(default_factory=list)
    duplicates: int = 0
    over_budget: int = 0
    empty: list[str] = field(default_factory=list)
    """Sources that held no record at all (an empty file is more likely a mistake than a corpus)."""

    def add_paper(self) -> None:
        """Count one paper handed to the caller."""
        self.read += 1

    def add_error(self, error: RecordError) -> None:
        """Count a skipped record: malformed, or (a BudgetError) over the per-paper budget."""
        if isinstance(error, BudgetError):
            self.over_budget += 1
        else:
            self.skipped += 1
        self.errors.append(error)

    def add_duplicate(self, note: RecordError) -> None:
        """Count a paper skipped because its id was already read; the note says where."""
        self.duplicates += 1
        self.errors.append(note)

    def add_empty(self, source: str) -> None:
        """Note a source that gave neither a paper nor a bad record, so the user hears of it."""
        self.empty.append(source)

    def summary(self) -> str:
        """One line for a user, e.g. "read 96 papers, skipped 2 (see errors), 1 duplicate"."""
        parts = [f"read {_plural(self.read, 'paper')}"]
        if self.skipped and self.over_budget:
            parts.append(f"skipped {self.skipped} malformed and {self.over_budget} over budget (see errors)")
        elif self.skipped:
            parts.append(f"skipped {self.skipped} (see errors)")
        elif self.over_budget:
            parts.append(f"skipped {self.over_budget} over budget (see errors)")
        if self.duplicates:
            parts.append(_plural(self.duplicates, "duplicate"))
        return ", ".join(parts)
