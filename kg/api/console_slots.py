"""A fixed number of console queries at a time, each on its own thread, none waited for past its deadline.

Console queries block (the Neo4j driver, the embedded worker's pipe), so they run off the event
loop; on their own threads, not starlette's shared pool, so forty slow queries cannot starve
static files or GraphQL. When every slot is taken the request is told so at once. A query the
store will not stop (Neo4j does not check its time limit inside some expression loops) is given
up on at its deadline: the request gets a 504 saying so, and the query keeps its slot until the
store lets go, so the rest of the server goes on serving.
"""

from __future__ import annotations

import asyncio
import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from kg.api.cypher_errors import CypherBusy, CypherTimeout

T = TypeVar("T")

SLOTS_ENV = "KG_CONSOLE_SLOTS"
DEFAULT_SLOTS = 4
"""Console queries that may run at once, unless ``KG_CONSOLE_SLOTS`` says otherwise."""


class ConsoleSlots:
    """Runs blocking console calls on ``slots`` threads of their own; refuses when all are busy."""

    def __init__(self, slots: int | None = None) -> None:
        self.slots = max(1, slots if slots is not None else int(os.environ.get(SLOTS_ENV, DEFAULT_SLOTS)))
        self._free = threading.BoundedSemaphore(self.slots)
        self._executor = ThreadPoolExecutor(self.slots, thread_name_prefix="kg-console")
        self._stuck = 0
        self._lock = threading.Lock()

    @property
    def stuck(self) -> int:
        """Queries given up on that still hold a slot."""
        with self._lock:
            return self._stuck

    def _call(self, fn: Callable[[], T], state: dict[str, bool]) -> T:
        try:
            return fn()
        finally:
            with self._lock:
                state["finished"] = True
                if state["given_up"]:
                    self._stuck -= 1
            self._free.release()

    async def run(self, fn: Callable[[], T], deadline_s: float) -> T:
        """``fn()`` on a console thread; ``CypherBusy`` when none is free, ``CypherTimeout`` past ``deadline_s``."""
        if not self._free.acquire(blocking=False):
            raise CypherBusy(
                f"the console is running {self.slots} queries already (its limit); try again in a few seconds"
            )
        state = {"finished": False, "given_up": False}
        try:
            future = self._executor.submit(self._call, fn, state)
        except BaseException:
            self._free.release()
            raise
        try:
            return await asyncio.wait_for(asyncio.shield(asyncio.wrap_future(future)), deadline_s)
        except TimeoutError:
            with self._lock:
                if not state["finished"]:
                    state["given_up"] = True
                    self._stuck += 1
            raise CypherTimeout(
                f"the query was stopped after {deadline_s:g} s but the store has not let go of it yet; it holds one of "
                f"the console's {self.slots} slots until it does. Add a LIMIT or narrow the MATCH"
            ) from None
