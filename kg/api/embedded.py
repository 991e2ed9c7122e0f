"""Reads over the embedded store's file: a changed ``graph.json`` is loaded beside the graph being served,
then swapped in."""

from __future__ import annotations

import gc
import os
import threading
from pathlib import Path

from kg.errors import KgError, StoreError
from kg.graph.reads import GraphReads
from kg.store.embedded_reads import NetworkxReads
from kg.store.serialize import read_graph

GRAPH_FILE = "graph.json"
FRESH_WAIT_S = 0.25
"""How long a request waits for a changed file to load before it is answered from the graph loaded before."""

Stamp = tuple[int, int, int]


def settle_heap() -> None:
    """Move everything alive now out of the garbage collector's reach (``gc.freeze``).

    The loaded graph is hundreds of thousands of long-lived, read-only objects; left in the
    collector's generations, every full pass walks them all, which made request latency jump
    by tens of milliseconds. Frozen objects are still freed by reference counting on reload.
    """
    gc.collect()
    gc.freeze()


class EmbeddedReads:
    """A reads factory: each call returns ``NetworkxReads`` over the newest graph loaded from the file.

    Reading only: the API never writes the store. When ``kg ingest`` replaces the file, one
    background thread loads it while requests go on being answered from the graph loaded
    before (after waiting at most ``FRESH_WAIT_S``, so a small graph is fresh at once); the new
    graph is swapped in whole, so no request sees half of it. Only the very first load is
    waited for. A file that cannot be read is reported (``StoreError``) until it changes again.
    """

    stall_s = 30.0
    """How long ``/healthz`` lets a probe run before it reports the store stalled. Once a graph is
    loaded the probe never waits on the file, so a slow probe means the process itself was paused
    (a reload's garbage collection on a busy machine), not a store that stopped answering; before the
    first load the check already answers 503 ("not checked yet")."""

    def __init__(self, data_dir: Path) -> None:
        self.path = Path(data_dir) / GRAPH_FILE
        self._lock = threading.Lock()
        self._reads: NetworkxReads | None = None
        self._stamp: Stamp | None = None
        self._loading: tuple[Stamp, threading.Event] | None = None
        self._failed: tuple[Stamp, KgError] | None = None

    def _file_stamp(self) -> Stamp:
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            return (0, 0, 0)
        return (st.st_mtime_ns, st.st_size, st.st_ino)

    def _load(self, stamp: Stamp, done: threading.Event) -> None:
        try:
            reads = NetworkxReads(read_graph(self.path))
            settle_heap()
            with self._lock:
                self._reads, self._stamp, self._failed = reads, stamp, None
        except KgError as error:
            with self._lock:
                self._failed = (stamp, error)
        finally:
            with self._lock:
                self._loading = None
            done.set()

    def _start_load(self, stamp: Stamp) -> threading.Event:
        """The event set when the load of the file at ``stamp`` is over (started now unless one is running)."""
        if self._loading is not None:
            return self._loading[1]
        done = threading.Event()
        self._loading = (stamp, done)
        threading.Thread(target=self._load, args=(stamp, done), name="kg-graph-load", daemon=True).start()
        return done

    def probe(self) -> str:
        """The store's kind if it can answer now (a graph is loaded, even an older one), else ``StoreError``.

        For ``/healthz``: it never waits for a reload, only for the very first load.
        """
        stamp = self._file_stamp()
        with self._lock:
            if self._failed is not None and self._failed[0] == stamp:
                raise self._failed[1]
            if self._reads is not None:
                if stamp != self._stamp:
                    self._start_load(stamp)
                return self._reads.kind
        return self().kind

    def __call__(self) -> GraphReads:
        stamp = self._file_stamp()
        with self._lock:
            if self._reads is not None and stamp == self._stamp:
                return self._reads
            if self._failed is not None and self._failed[0] == stamp:
                raise self._failed[1]
            done = self._start_load(stamp)
            first = self._reads is None
        done.wait(None if first else FRESH_WAIT_S)
        with self._lock:
            if self._failed is not None and self._failed[0] == stamp:
                raise self._failed[1]
            if self._reads is None:
                raise StoreError(f"cannot read graph file {self.path}: it changed while loading; try again")
            return self._reads


def embedded_reads(data_dir: Path) -> EmbeddedReads:
    """The reads factory for the embedded store at ``data_dir``."""
    return EmbeddedReads(data_dir)
