"""A save killed half way leaves ``.graph.json.*.tmp`` behind; the next save removes it, but never the file
of a writer that is still alive (issue #12, finding 10)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from kg.pipeline import ingest
from kg.records import ExtractionRecord, Paper
from kg.store import EmbeddedStore
from kg.store.serialize import write_json_atomic
from kg.store.tempfiles import STALE_TEMP_SECONDS, sweep_stale

PAPER = Paper(id="p1", title="LoRA-Q: quantised adapters", abstract="We propose LoRA-Q. LoRA-Q outperforms LoRA.")
RECORD = ExtractionRecord(
    id="p1",
    entities=[{"name": "LoRA-Q"}, {"name": "LoRA"}],
    outperforms=[{"winner": "LoRA-Q", "loser": "LoRA", "evidence": "LoRA-Q outperforms LoRA."}],
)

# A save through the real write path, killed (SIGKILL: no cleanup runs) after writing half the file.
KILLED_SAVE = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    import kg.store.serialize as serialize

    def half_then_die(data, handle):
        handle.write('{"nodes": [')
        handle.flush()
        os.kill(os.getpid(), signal.SIGKILL)

    serialize._dump_lines = half_then_die
    serialize.write_json_atomic(Path(sys.argv[1]), {"nodes": []})
    """
)
# A writer that is alive: it holds its temporary file's lock and waits.
LIVE_WRITER = textwrap.dedent(
    """
    import os, sys, time
    from kg.store.tempfiles import hold

    fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT, 0o600)
    hold(fd)
    print("holding", flush=True)
    time.sleep(60)
    """
)


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".graph.json.") and p.name.endswith(".tmp"))


def _age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_the_next_save_removes_what_a_killed_save_left(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path)
    ingest(store, [PAPER], [RECORD])
    before = (tmp_path / "graph.json").read_bytes()
    killed = subprocess.run([sys.executable, "-c", KILLED_SAVE, str(tmp_path / "graph.json")], timeout=60, check=False)
    assert killed.returncode == -9
    (leftover,) = _leftovers(tmp_path)
    assert (tmp_path / leftover).read_text() == '{"nodes": ['
    assert (tmp_path / "graph.json").read_bytes() == before  # the killed save changed nothing
    _age(tmp_path / leftover, STALE_TEMP_SECONDS + 1)
    started = time.perf_counter()
    store.delete_paper("p1")  # any save
    assert time.perf_counter() - started < 5
    assert _leftovers(tmp_path) == []


def test_a_live_writers_file_is_left_alone_until_it_dies(tmp_path: Path) -> None:
    target = tmp_path / "graph.json"
    theirs = tmp_path / ".graph.json.livewriter.tmp"
    with subprocess.Popen(
        [sys.executable, "-c", LIVE_WRITER, str(theirs)], stdout=subprocess.PIPE, text=True
    ) as writer:
        try:
            assert writer.stdout is not None and writer.stdout.readline().strip() == "holding"
            _age(theirs, 3600)
            write_json_atomic(target, {"ok": True})
            assert _leftovers(tmp_path) == [theirs.name]  # locked: a writer is still at work
        finally:
            writer.kill()
    write_json_atomic(target, {"ok": True})
    assert _leftovers(tmp_path) == []  # its writer died: swept


def test_a_fresh_temporary_file_is_left_alone(tmp_path: Path) -> None:
    """A writer that has created its file but not yet locked it (an instant) must not lose it."""
    young = tmp_path / ".graph.json.justmade.tmp"
    young.write_text("{")
    assert sweep_stale(tmp_path / "graph.json") == []
    _age(young, STALE_TEMP_SECONDS + 1)
    assert sweep_stale(tmp_path / "graph.json") == [young]
    other = tmp_path / ".other.json.x.tmp"
    other.write_text("{")
    _age(other, 3600)
    assert sweep_stale(tmp_path / "graph.json") == [] and other.exists()  # another file's temporaries
