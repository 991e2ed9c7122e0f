"""Scale benchmark: synthetic corpora of N papers through extraction and ingest, and how cost grows with N.

    .venv/bin/python benchmarks/scale.py 10000 100000 --sample 20000
    NEO4J_URI=bolt://127.0.0.1:7687 .venv/bin/python benchmarks/scale.py 100000 --store neo4j --feed 1000
    .venv/bin/python benchmarks/scale.py 1000000 --sample 20000

For each N: write N synthetic papers (kg.synthetic, seed fixed) to a JSONL file, and a feed of
``--feed`` further papers (the next ids: new proposals that reuse the corpus's vocabulary).
Time streaming extraction (both passes: corpus names, then records) with 1 and with 2 worker
processes and report abstracts/s and abstracts/s per core. Then run ``kg ingest``'s pipeline
(kg.pipeline.ingest_sources, 2 extraction workers) into a fresh store (embedded, or Neo4j:
the database is WIPED) and report its time and peak RSS (the ingesting process; the extraction
workers' summed RSS too); then ingest the feed into that store and report its time as a share
of the full ingest, and how many stored papers the feed's new names re-linked. Every
measurement runs in its own spawned process so peak RSS is that step's own. With ``--sample K``
extraction and ingest run on the first K papers only (for N = 1M) and the output says so.
Timings on a shared machine are noisy.
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
from itertools import islice, pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.corpus import read_papers
from kg.extract.streaming import stream_extract
from kg.pipeline import ingest_sources
from kg.records import Paper
from kg.store import EmbeddedStore, Neo4jSettings, Neo4jStore
from kg.store.neo4j.schema import wipe_database
from kg.synthetic import write_corpus

if TYPE_CHECKING:
    from multiprocessing.queues import Queue


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


def _open(store_kind: str, data_dir: str, wipe: bool) -> Any:
    if store_kind == "neo4j":
        store = Neo4jStore(Neo4jSettings())
        if wipe:
            wipe_database(store._live(), store.settings.database)
        return store
    return EmbeddedStore(Path(data_dir))


def _ingest_job(source: Any, workers: int, batch: int, store_kind: str, data_dir: str, wipe: bool) -> dict[str, float]:
    store = _open(store_kind, data_dir, wipe)  # wiping an earlier run's graph is not part of the ingest
    start = time.perf_counter()
    try:
        summary = ingest_sources(store, source, workers=workers, batch_size=batch)
        nodes = sum(store.stats()["nodes"].values())
    finally:
        store.close()
    graph = Path(data_dir) / "graph.json"
    return {
        "seconds": time.perf_counter() - start,
        "papers": summary.loaded,
        "relinked": summary.relinked,
        "new_names": summary.new_names,
        "nodes": nodes,
        "graph_mb": graph.stat().st_size / 1e6 if graph.exists() else 0.0,
    }


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


def _child(job: Callable[..., dict[str, float]], args: tuple[Any, ...], queue: Queue[dict[str, float]]) -> None:
    with _TreeRss() as workers:
        result = job(*args)
    result["rss_mb"] = _rss_mb(resource.RUSAGE_SELF)
    result["worker_rss_mb"] = workers.peak_mb
    queue.put(result)


def _isolated(job: Callable[..., dict[str, float]], *args: Any) -> dict[str, float]:
    """Run ``job`` in a fresh process: its own peak RSS, no warm caches from earlier steps."""
    ctx = mp.get_context("spawn")
    queue: Queue[dict[str, float]] = ctx.Queue()
    proc = ctx.Process(target=_child, args=(job, args, queue))
    proc.start()
    result = queue.get()
    proc.join()
    return result


def measure(
    n: int,
    seed: int,
    sample: int | None,
    batch: int,
    ingest_batch: int,
    feed: int,
    store_kind: str,
    root: Path,
    extract_sample: int | None = None,
) -> dict[str, Any]:
    start = time.perf_counter()
    papers, _ = write_corpus(root / f"n{n}", n, seed)
    row: dict[str, Any] = {"n": n, "generate_s": time.perf_counter() - start, "file_mb": papers.stat().st_size / 1e6}
    limit = sample if sample and sample < n else None
    row["measured"] = limit or n
    source = _Source(papers, limit)
    extract_limit = min(x for x in (limit, extract_sample, n) if x)
    row["extract_measured"] = extract_limit
    for workers in (1, 2):
        r = _isolated(_extract_job, _Source(papers, extract_limit), workers, batch)
        row[f"extract_{workers}w"] = r["papers"] / r["seconds"]
    data_dir = str(root / f"store{n}")
    r = _isolated(_ingest_job, source, 2, ingest_batch, store_kind, data_dir, True)
    row.update(
        ingest_s=r["seconds"],
        ingest_rate=r["papers"] / r["seconds"],
        rss_mb=r["rss_mb"],
        worker_rss_mb=r["worker_rss_mb"],
        graph_mb=r["graph_mb"],
        nodes=r["nodes"],
    )
    if feed:
        feed_papers, _ = write_corpus(root / f"feed{n}", feed, seed, start=row["measured"])
        r = _isolated(_ingest_job, _Source(feed_papers, None), 2, ingest_batch, store_kind, data_dir, False)
        row.update(
            feed=feed, feed_s=r["seconds"], feed_rss_mb=r["rss_mb"], relinked=r["relinked"], new_names=r["new_names"]
        )
    return row


def render(rows: list[dict[str, Any]]) -> str:
    head = (
        "N",
        "measured",
        "gen s",
        "extract 1w /s",
        "extract 2w /s",
        "2w per core /s",
        "ingest s",
        "ingest /s",
        "peak RSS MB",
        "workers' RSS MB",
        "graph.json MB",
        "feed",
        "feed s",
        "feed / full",
        "re-linked",
    )
    lines = [" | ".join(head), " | ".join("---" for _ in head)]
    for r in rows:
        measured = f"{r['measured']:,}" + (" (sample)" if r["measured"] < r["n"] else "")
        feed = (
            [f"{r['feed']:,}", f"{r['feed_s']:.1f}", f"{r['feed_s'] / r['ingest_s']:.1%}", f"{r['relinked']:,}"]
            if "feed" in r
            else ["-"] * 4
        )
        lines.append(
            " | ".join(
                [
                    f"{r['n']:,}",
                    measured,
                    f"{r['generate_s']:.1f}",
                    f"{r['extract_1w']:.0f}",
                    f"{r['extract_2w']:.0f}",
                    f"{r['extract_2w'] / 2:.0f}",
                    f"{r['ingest_s']:.1f}",
                    f"{r['ingest_rate']:.0f}",
                    f"{r['rss_mb']:.0f}",
                    f"{r['worker_rss_mb']:.0f}",
                    f"{r['graph_mb']:.1f}",
                    *feed,
                ]
            )
        )
    return "\n".join(lines)


def _exponent(a: dict[str, Any], b: dict[str, Any], key: str) -> float:
    """k in ``b[key] / a[key] = (N_b / N_a) ** k``, N being the papers measured."""
    return math.log(b[key] / a[key]) / math.log(b["measured"] / a["measured"])


def growth(rows: list[dict[str, Any]]) -> str:
    """Exponent k in cost ∝ N^k between consecutive sizes (1 = linear, 2 = quadratic)."""
    out = []
    for a, b in pairwise(rows):
        if b["measured"] <= a["measured"]:
            continue
        out.append(
            f"{a['measured']:,} → {b['measured']:,} papers: ingest time ∝ N^{_exponent(a, b, 'ingest_s'):.2f}, "
            f"peak RSS ∝ N^{_exponent(a, b, 'rss_mb'):.2f}, graph.json ∝ N^{_exponent(a, b, 'graph_mb'):.2f}; "
            f"extraction rate 1w ×{b['extract_1w'] / a['extract_1w']:.2f}"
        )
    return "\n".join(out)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sizes", nargs="*", type=int, default=[1000], help="corpus sizes N (default 1000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--sample", type=int, default=None, help="extract and ingest only the first K papers of each N")
    parser.add_argument("--batch", type=int, default=512, help="papers per extraction batch")
    parser.add_argument("--ingest-batch", type=int, default=2000, help="papers per store upsert")
    parser.add_argument(
        "--extract-sample",
        type=int,
        default=None,
        help="time the extraction rates on the first K papers only (ingest still takes all)",
    )
    parser.add_argument(
        "--feed", type=int, default=1000, help="papers of the incremental feed ingested after N (0: none)"
    )
    parser.add_argument(
        "--store",
        choices=("embedded", "neo4j"),
        default="embedded",
        help="store to ingest into (neo4j: the NEO4J_* server, whose database is WIPED)",
    )
    parser.add_argument("--dir", type=Path, default=None, help="where corpora and stores go (default: a temp dir)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kg-scale-") as tmp:
        root = args.dir or Path(tmp)
        rows = []
        for n in sorted(args.sizes):
            rows.append(
                measure(
                    n,
                    args.seed,
                    args.sample,
                    args.batch,
                    args.ingest_batch,
                    args.feed,
                    args.store,
                    root,
                    args.extract_sample,
                )
            )
            print(f"done N={n:,}", file=sys.stderr, flush=True)
    print(
        f"synthetic corpus, seed {args.seed}; extraction includes the corpus-names pass; "
        "ingest = kg ingest's pipeline, "
        f"2 extraction workers, resolve/build/upsert into the {args.store} store every {args.ingest_batch} papers"
    )
    if args.sample:
        print(f"N above {args.sample:,}: extraction and ingest timed on the first {args.sample:,} papers (sample)")
    if args.extract_sample:
        print(f"extraction rates timed on the first {args.extract_sample:,} papers of each corpus")
    print(render(rows))
    if len(rows) > 1:
        print(growth(rows))


if __name__ == "__main__":
    main()
