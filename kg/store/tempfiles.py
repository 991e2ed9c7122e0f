"""The temporary files of atomic writes: held locked while written, swept once their writer is gone.

An atomic write streams into ``.<name>.<random>.tmp`` beside the target and renames it over the
target at the end. A writer killed half way (SIGKILL, a crash, a full machine) leaves that file
behind and nothing else would ever remove it, so every write first sweeps the ones left over. A
sweep must never take a file another process is still writing (the store has no lock of its own;
"one writer at a time" is a rule, not a guarantee), so each writer holds an advisory ``flock`` on
its temporary file for as long as it writes; the kernel drops the lock when the writer dies. A
file is swept only when nobody holds its lock and it is older than ``STALE_TEMP_SECONDS``, which
covers the instant between a writer creating its file and locking it.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - not on POSIX: no lock, so only files a day old count as stale
    fcntl = None  # type: ignore[assignment]

STALE_TEMP_SECONDS = 10.0
_UNLOCKED_STALE_SECONDS = 24 * 3600.0
SUFFIX = ".tmp"


def prefix(path: Path) -> str:
    """The name every temporary file of ``path`` starts with."""
    return f".{path.name}."


def hold(fd: int) -> None:
    """Mark the temporary file open at ``fd`` as being written (until it is closed or this process dies)."""
    if fcntl is not None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def _abandoned(candidate: Path, age: float) -> bool:
    """Whether no live process is writing ``candidate`` (its lock is free); False when it is gone."""
    if fcntl is None:
        return age > _UNLOCKED_STALE_SECONDS
    try:
        fd = os.open(candidate, os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False  # a live writer holds it
    finally:
        os.close(fd)
    return True


def sweep_stale(path: Path, older_than: float = STALE_TEMP_SECONDS) -> list[Path]:
    """Remove the temporary files of ``path`` that killed writers left behind; returns what was removed."""
    removed: list[Path] = []
    now = time.time()
    start = prefix(path)
    try:
        names = sorted(p.name for p in path.parent.iterdir() if p.name.startswith(start) and p.name.endswith(SUFFIX))
    except OSError:
        return removed
    for name in names:
        candidate = path.parent / name
        try:
            age = now - candidate.stat().st_mtime
        except OSError:
            continue  # renamed into place or swept by someone else meanwhile
        if age < older_than or not _abandoned(candidate, age):
            continue
        try:
            candidate.unlink()
        except FileNotFoundError:
            continue
        removed.append(candidate)
    return removed
