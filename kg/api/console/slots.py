"""A fixed number of console queries at a time, each on its own thread, none waited for past its deadline.

Console queries block (the Neo4j driver, the embedded worker's pipe), so they run off the event
loop; on their own threads, not starlette's shared pool, so forty slow queries cannot starve
static files or GraphQL. A request waits at most ``QUEUE_S`` for a free slot, then is told the
console is busy. A query the store will not stop (Neo4j does not check its time limit inside
some expression loops) is given up on at its deadline: the request gets a 504 saying so, and
the query keeps its slot until the store lets go, so the rest of the server goes on serving.
"""

from __future__ import annotations

import asyncio
import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from kg.api.console.errors import CypherBusy, CypherTimeout

T = TypeVar("T")

SLOTS_ENV = "KG_CONSOLE_SLOTS"
DEFAULT_SLOTS = 4
"""Console queries that may run at once, unless ``KG_CONSOLE_SLOTS`` says otherwise."""
QUEUE_S = 10.0
"""How long a request waits for a slot before it is told the console is busy."""


class ConsoleSlots:
    """Runs blocking console calls on ``slots`` threads of their own, queueing briefly when all are taken."""

    def __init__(self, slots: int | None = None, queue_s: float = QUEUE_S) -> None:
        self.slots = max(1, slots if slots is not None else int(os.environ.get(SLOTS_ENV, DEFAULT_SLOTS)))
        self.queue_s = queue_s
        self._free: asyncio.Semaphore | None = None  # made on the server's event loop, at first use
        self._executor = ThreadPoolExecutor(self.slots, thread_name_prefix="kg-console")
        self._lock = threading.Lock()
        self.stuck = 0
        """Queries given up on that still hold a slot."""

    def _call(self, fn: Callable[[], T], state: dict[str, bool], release: Callable[[], None]) -> T:
        try:
            return fn()
        finally:
            with self._lock:
                state["finished"] = True
                if state["given_up"]:
                    self.stuck -= 1
            release()

    async def run(self, fn: Callable[[], T], deadline_s: float) -> T:
        """``fn()`` on a console thread; ``CypherBusy`` when no slot frees up in time, ``CypherTimeout`` past
        ``deadline_s``."""
        if self._free is None:
            self._free = asyncio.Semaphore(self.slots)
        free = self._free
        try:
            await asyncio.wait_for(free.acquire(), self.queue_s)
        except TimeoutError:
            raise CypherBusy(
                f"the console has been running its {self.slots} queries at once for {self.queue_s:g} s; "
                "try again in a moment"
            ) from None
        loop = asyncio.get_running_loop()
        state = {"finished": False, "given_up": False}

        def release() -> None:  # on the console thread: hands the slot back on the event loop
            loop.call_soon_threadsafe(free.release)

        try:
            future = self._executor.submit(self._call, fn, state, release)
        except BaseException:
            free.release()
            raise
        try:
            return await asyncio.wait_for(asyncio.shield(asyncio.wrap_future(future)), deadline_s)
        except TimeoutError:
            with self._lock:
                if not state["finished"]:
                    state["given_up"] = True
                    self.stuck += 1
            raise CypherTimeout(
                f"the query was stopped after {deadline_s:g} s but the store has not let go of it yet; it holds one of "
                f"the console's {self.slots} slots until it does. Add a LIMIT or narrow the MATCH"
            ) from None
