"""The console's errors: each says what went wrong in words a user can act on, and how HTTP reports it."""

from __future__ import annotations

from typing import ClassVar

from kg.errors import KgError


class CypherError(KgError):
    """A console query that cannot be answered; ``kind`` and ``status`` say how the endpoint reports it."""

    kind: ClassVar[str] = "error"
    status: ClassVar[int] = 400


class CypherRefused(CypherError):
    """A write clause, a procedure call or an administration command: the console is read-only."""

    kind = "refused"
    status = 403


class CypherSyntaxError(CypherError):
    """Text the store cannot parse, or Cypher outside the subset this store runs."""

    kind = "syntax"


class CypherParamsError(CypherError):
    """Parameters that are missing or of a kind this store cannot take."""

    kind = "params"


class CypherTimeout(CypherError):
    """The query ran past the time limit (or the runner stayed busy that long) and was stopped."""

    kind = "timeout"
    status = 504


class CypherUnavailable(CypherError):
    """The store cannot be read, or has no Cypher runner."""

    kind = "unavailable"
    status = 503


class CypherMemory(CypherError):
    """The query needed more memory than the console's worker may use, and was stopped."""

    kind = "memory"


class CypherBusy(CypherError):
    """Every console slot is taken: try again shortly."""

    kind = "busy"
    status = 503
