"""``/healthz`` without waiting on the store: a probe runs off the event loop, the answer is what it last saw.

A stalled Neo4j (or a large graph file loading) must not stall the health check load balancers
and the pages poll. Each check starts a probe (opening the store's reads, as a request would)
unless one is running, waits for it at most ``WAIT_S``, and otherwise answers with the last
result; a probe that has been running for ``STALLED_S`` means the store is not answering (a reads
factory whose probe cannot block on its store says how long its probe may take: ``stall_s``).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass

import anyio.to_thread
from anyio import CapacityLimiter

from kg.errors import KgError
from kg.graph.reads import GraphReads

WAIT_S = 0.05
STALLED_S = 2.0
_PROBE_THREAD = CapacityLimiter(1)  # its own: a probe never queues behind the store calls of requests


@dataclass(frozen=True)
class Health:
    """The store as a probe found it: ``store`` is its kind when it answered, ``error`` why not."""

    ok: bool
    store: str = ""
    error: str = ""

    def to_json(self) -> dict[str, str]:
        return {"status": "ok", "store": self.store} if self.ok else {"status": "error", "error": self.error}


def _probe(reads_factory: Callable[[], GraphReads]) -> Health:
    """Open the store's reads as a request would, or use the factory's own cheaper ``probe`` when it has one."""
    try:
        probe = getattr(reads_factory, "probe", None)
        return Health(True, store=probe() if callable(probe) else reads_factory().kind)
    except KgError as error:
        return Health(False, error=str(error))


class StoreHealth:
    """The last probe's finding, refreshed on each check without making the check wait on the store."""

    def __init__(self, reads_factory: Callable[[], GraphReads]) -> None:
        self.reads_factory = reads_factory
        self._last = Health(False, error="the store has not been checked yet; ask again in a moment")
        self._probe: asyncio.Task[Health] | None = None
        self._started = 0.0

    async def check(self) -> Health:
        if self._probe is None or self._probe.done():
            self._started = time.monotonic()
            self._probe = asyncio.ensure_future(
                anyio.to_thread.run_sync(_probe, self.reads_factory, limiter=_PROBE_THREAD)
            )
            self._probe.add_done_callback(self._keep)
        done, _ = await asyncio.wait({self._probe}, timeout=WAIT_S)
        if done:
            return self._last
        stalled = time.monotonic() - self._started
        if stalled >= getattr(self.reads_factory, "stall_s", STALLED_S):
            return Health(False, error=f"the store has not answered for {stalled:.0f} s")
        return self._last

    def _keep(self, probe: asyncio.Task[Health]) -> None:
        if not probe.cancelled() and probe.exception() is None:
            self._last = probe.result()
