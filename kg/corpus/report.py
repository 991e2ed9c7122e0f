"""What a read did: counts and the records it skipped, so nothing is dropped silently."""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.errors import RecordError


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


@dataclass
class ReadReport:
    """Counts of one ``read_papers`` run; ``errors`` holds skipped records and duplicate notes."""

    read: int = 0
    skipped: int = 0
    errors: list[RecordError] = field(default_factory=list)
    duplicates: int = 0

    def add_paper(self) -> None:
        """Count one paper handed to the caller."""
        self.read += 1

    def add_error(self, error: RecordError) -> None:
        """Count a malformed record that was skipped."""
        self.skipped += 1
        self.errors.append(error)

    def add_duplicate(self, note: RecordError) -> None:
        """Count a paper skipped because its id was already read; the note says where."""
        self.duplicates += 1
        self.errors.append(note)

    def summary(self) -> str:
        """One line for a user, e.g. "read 96 papers, skipped 2 (see errors), 1 duplicate"."""
        parts = [f"read {_plural(self.read, 'paper')}"]
        if self.skipped:
            parts.append(f"skipped {self.skipped} (see errors)")
        if self.duplicates:
            parts.append(_plural(self.duplicates, "duplicate"))
        return ", ".join(parts)
