"""Reads over the embedded store's file, reloaded whenever ``graph.json`` changes on disk."""

from __future__ import annotations

import gc
import os
import threading
from pathlib import Path

from kg.graph.reads import GraphReads, NetworkxReads
from kg.store.serialize import read_graph

GRAPH_FILE = "graph.json"


def settle_heap() -> None:
    """Move everything alive now out of the garbage collector's reach (``gc.freeze``).

    The loaded graph is hundreds of thousands of long-lived, read-only objects; left in the
    collector's generations, every full pass walks them all, which made request latency jump
    by tens of milliseconds. Frozen objects are still freed by reference counting on reload.
    """
    gc.collect()
    gc.freeze()


class EmbeddedReads:
    """A reads factory: each call returns ``NetworkxReads`` over the file as it is now (mtime, size).

    Reading only: the API never writes the store. The file is re-read when a new ingest has
    replaced it, so a running server follows ``kg ingest`` without a restart.
    """

    def __init__(self, data_dir: Path) -> None:
        self.path = Path(data_dir) / GRAPH_FILE
        self._lock = threading.Lock()
        self._stamp: tuple[int, int, int] | None = None
        self._reads: NetworkxReads | None = None

    def _file_stamp(self) -> tuple[int, int, int]:
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            return (0, 0, 0)
        return (st.st_mtime_ns, st.st_size, st.st_ino)

    def __call__(self) -> GraphReads:
        with self._lock:
            stamp = self._file_stamp()
            if self._reads is None or stamp != self._stamp:
                self._reads = None
                self._reads = NetworkxReads(read_graph(self.path))
                self._stamp = stamp
                settle_heap()
            return self._reads


def embedded_reads(data_dir: Path) -> EmbeddedReads:
    """The reads factory for the embedded store at ``data_dir``."""
    return EmbeddedReads(data_dir)
