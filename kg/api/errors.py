"""Errors the API reports to its caller as they are; anything else is masked (see ``kg.api.limits``)."""

from __future__ import annotations

from kg.errors import KgError


class ApiError(KgError):
    """A request the API cannot answer as asked; the message says what to change."""
