"""One exception hierarchy: every error kg raises on purpose is a KgError with a readable message."""

from __future__ import annotations


class KgError(Exception):
    """Base of every error kg reports to a user as one line."""


class RecordError(KgError):
    """A source record that cannot be read; names the file, the line and the reason."""

    def __init__(self, source: str, line: int | None, reason: str) -> None:
        self.source = source
        self.line = line
        self.reason = reason
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {reason}")

    def __reduce__(self) -> tuple[type[RecordError], tuple[str, int | None, str]]:
        # worker processes send these back to the parent: pickle them by their fields, not their message
        return type(self), (self.source, self.line, self.reason)


class BudgetError(RecordError):
    """A paper over the per-paper ingest budget (kg.config.Budget): skipped like a malformed record."""


class SourceError(KgError):
    """A whole source that cannot be read (missing file, unknown format)."""


class StoreError(KgError):
    """The store cannot be read or written."""
