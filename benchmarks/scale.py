"""Scale benchmark: synthetic corpora of N papers through extraction and ingest, and how cost grows with N.

    .venv/bin/python benchmarks/scale.py 10000 100000 --sample 20000
    .venv/bin/python benchmarks/scale.py 1000000 --sample 20000

For each N: write N synthetic papers (kg.synthetic, seed fixed) to a JSONL file; time streaming
extraction (both passes: corpus names, then records) with 1 and with 2 worker processes and report
abstracts/s and abstracts/s per core; then run a ``kg ingest``-equivalent into a fresh embedded store
in bounded batches (stream_extract → resolve/build/upsert per batch) and report its time and peak
RSS (the ingesting process; the extraction workers' summed RSS too when psutil is installed).
Every measurement runs in its own spawned process so peak RSS is that step's own.
With ``--sample K`` extraction and ingest run on the first K papers only (for N = 1M) and the
output says so. Timings on a shared machine are noisy.
"""

from __future__ import annotations

import argparse
import math
import multiprocessing as mp
import resource
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable
from itertools import islice
from pathlib import Path
from typing import Any

from kg.corpus import read_papers
from kg.extract.streaming import stream_extract
from kg.store import EmbeddedStore, ingest
from kg.synthetic import write_corpus
from kg.types import Paper


def _rss_mb(who: int) -> float:
    peak = resource.getrusage(who).ru_maxrss
    return peak / (1 << 20) if sys.platform == "darwin" else peak / 1024  # bytes on macOS, KiB on Linux


class _Source:
    """A picklable source: the file, or its first ``limit`` papers."""

    def __init__(self, path: Path, limit: int | None) -> None:
        self.path, self.limit = path, limit

    def __call__(self) -> Iterable[Paper]:
        return islice(read_papers([self.path]), self.limit)


def _extract_job(source: _Source, workers: int, batch: int) -> dict[str, float]:
    start = time.perf_counter()
    count = sum(len(b) for b in stream_extract(source, batch_size=batch, workers=workers))
    return {"seconds": time.perf_counter() - start, "papers": count}


def _ingest_job(source: _Source, workers: int, batch: int, data_dir: str) -> dict[str, float]:
    start = time.perf_counter()
    store = EmbeddedStore(Path(data_dir))
    count, store_s = 0, 0.0
    try:
        for pairs in stream_extract(source, batch_size=batch, workers=workers):
            t = time.perf_counter()
            ingest(store, [p for p, _ in pairs], [r for _, r in pairs])
            store_s += time.perf_counter() - t
            count += len(pairs)
        nodes = sum(store.stats()["nodes"].values())
    finally:
        store.close()
    return {"seconds": time.perf_counter() - start, "papers": count, "nodes": nodes, "store_s": store_s,
            "graph_mb": (Path(data_dir) / "graph.json").stat().st_size / 1e6}


class _TreeRss:
    """Peak summed RSS of this process's descendants (the extraction workers), sampled with psutil if installed."""

    def __init__(self) -> None:
        self.peak_mb = float("nan")
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        try:
            import psutil
        except ImportError:
            return
        me, self.peak_mb = psutil.Process(), 0.0
        while not self._stop.wait(0.25):
            total = 0
            for child in me.children(recursive=True):
                try:
                    total += child.memory_info().rss
                except psutil.Error:
                    pass
            self.peak_mb = max(self.peak_mb, total / 1e6)

    def __enter__(self) -> _TreeRss:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def _child(job: Callable[..., dict[str, float]], args: tuple[Any, ...], queue: Any) -> None:
    with _TreeRss() as workers:
        result = job(*args)
    result["rss_mb"] = _rss_mb(resource.RUSAGE_SELF)
    result["worker_rss_mb"] = workers.peak_mb
    queue.put(result)


def _isolated(job: Callable[..., dict[str, float]], *args: Any) -> dict[str, float]:
    """Run ``job`` in a fresh process: its own peak RSS, no warm caches from earlier steps."""
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=_child, args=(job, args, queue))
    proc.start()
    result = queue.get()
    proc.join()
    return result


def measure(n: int, seed: int, sample: int | None, batch: int, ingest_batch: int, root: Path) -> dict[str, Any]:
    start = time.perf_counter()
    papers, _ = write_corpus(root / f"n{n}", n, seed)
    row: dict[str, Any] = {"n": n, "generate_s": time.perf_counter() - start,
                           "file_mb": papers.stat().st_size / 1e6}
    limit = sample if sample and sample < n else None
    row["measured"] = limit or n
    source = _Source(papers, limit)
    for workers in (1, 2):
        r = _isolated(_extract_job, source, workers, batch)
        row[f"extract_{workers}w"] = r["papers"] / r["seconds"]
    r = _isolated(_ingest_job, source, 2, ingest_batch, str(root / f"store{n}"))
    row.update(ingest_s=r["seconds"], store_s=r["store_s"], ingest_rate=r["papers"] / r["seconds"], rss_mb=r["rss_mb"],
               worker_rss_mb=r["worker_rss_mb"], graph_mb=r["graph_mb"], nodes=r["nodes"])
    return row


def render(rows: list[dict[str, Any]]) -> str:
    head = ("N", "measured", "gen s", "extract 1w /s", "extract 2w /s", "2w per core /s", "ingest s",
            "of which store s", "ingest /s", "peak RSS MB", "workers' RSS MB", "graph.json MB")
    lines = [" | ".join(head), " | ".join("---" for _ in head)]
    for r in rows:
        measured = f"{r['measured']:,}" + (" (sample)" if r["measured"] < r["n"] else "")
        lines.append(" | ".join([
            f"{r['n']:,}", measured, f"{r['generate_s']:.1f}", f"{r['extract_1w']:.0f}", f"{r['extract_2w']:.0f}",
            f"{r['extract_2w'] / 2:.0f}", f"{r['ingest_s']:.1f}", f"{r['store_s']:.1f}", f"{r['ingest_rate']:.0f}", f"{r['rss_mb']:.0f}",
            f"{r['worker_rss_mb']:.0f}", f"{r['graph_mb']:.1f}",
        ]))
    return "\n".join(lines)


def growth(rows: list[dict[str, Any]]) -> str:
    """Exponent k in cost ∝ N^k between consecutive sizes (1 = linear, 2 = quadratic)."""
    out = []
    for a, b in zip(rows, rows[1:]):
        scale = math.log(b["measured"] / a["measured"])
        if scale <= 0:
            continue
        k = lambda key: math.log(b[key] / a[key]) / scale  # noqa: E731
        out.append(f"{a['measured']:,} → {b['measured']:,} papers: ingest time ∝ N^{k('ingest_s'):.2f} "
                   f"(store part ∝ N^{k('store_s'):.2f}), "
                   f"peak RSS ∝ N^{k('rss_mb'):.2f}, graph.json ∝ N^{k('graph_mb'):.2f}; "
                   f"extraction rate 1w ×{b['extract_1w'] / a['extract_1w']:.2f}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sizes", nargs="*", type=int, default=[1000], help="corpus sizes N (default 1000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--sample", type=int, default=None, help="extract and ingest only the first K papers of each N")
    parser.add_argument("--batch", type=int, default=512, help="papers per extraction batch")
    parser.add_argument("--ingest-batch", type=int, default=2000, help="papers per store upsert")
    parser.add_argument("--dir", type=Path, default=None, help="where corpora and stores go (default: a temp dir)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kg-scale-") as tmp:
        root = args.dir or Path(tmp)
        rows = []
        for n in sorted(args.sizes):
            rows.append(measure(n, args.seed, args.sample, args.batch, args.ingest_batch, root))
            print(f"done N={n:,}", file=sys.stderr, flush=True)
    print(f"synthetic corpus, seed {args.seed}; extraction includes the corpus-names pass; ingest = 2 extraction "
          f"workers + resolve/build/upsert into the embedded store every {args.ingest_batch} papers")
    if args.sample:
        print(f"N above {args.sample:,}: extraction and ingest timed on the first {args.sample:,} papers (sample)")
    print(render(rows))
    if len(rows) > 1:
        print(growth(rows))


if __name__ == "__main__":
    main()
