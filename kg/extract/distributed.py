"""Extraction on a Dask cluster: the same pure ``extract_paper`` over partitions, records in input order.

Why Dask rather than Ray: Dask and distributed are pure-Python wheels (no 100+ MB binary), a
``LocalCluster`` runs in-process on a laptop or in CI with the same code path as a real cluster,
and connecting to one is a scheduler address (``tcp://host:8786``). Extraction needs nothing more
than "run this function on these chunks", which both offer.

The client makes two passes over the sources: the first collects the corpus names (names only),
which are scattered to every worker once; the second cuts the papers into partitions and submits
them with a bounded number in flight, so neither the client nor the scheduler ever holds the whole
corpus. Workers must have the same ``kg`` version installed.
"""

from __future__ import annotations

import os
from collections import deque
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.corpus import ReadReport, Sources, chunked, iter_papers
from kg.errors import BudgetError
from kg.extract.corpus_names import CorpusNames
from kg.extract.parallel import extract_within_budget, report_skip
from kg.records import Paper

if TYPE_CHECKING:
    from distributed import Client

MAX_PARTITION = 2000  # papers; keeps each task's payload a few MB


def _extract_partition(papers: list[Paper], corpus: CorpusNames) -> list[str | BudgetError]:
    """Runs on a worker: one JSON line per paper, or the BudgetError of a paper over its budget (the
    scattered corpus keeps its matchers between tasks)."""
    outcomes = (extract_within_budget(paper, corpus) for paper in papers)
    return [o if isinstance(o, BudgetError) else o.model_dump_json() for o in outcomes]


def _connect(stack: ExitStack, client: Client | None, scheduler: str | None) -> Client:
    """The caller's client, one for ``scheduler``, or a local process cluster that lives for this call."""
    if client is not None:
        return client
    from distributed import Client, LocalCluster

    if scheduler:
        connected = Client(scheduler)
    else:
        cluster = stack.enter_context(
            LocalCluster(n_workers=os.cpu_count() or 1, threads_per_worker=1, processes=True, dashboard_address=None)
        )
        connected = Client(cluster)
    stack.enter_context(connected)  # Client.__enter__ starts it and returns it
    return connected


def extract_with_dask(
    source: Sources,
    out_path: str | Path,
    partitions: int | None = None,
    client: Client | None = None,
    scheduler: str | None = None,
    report: ReadReport | None = None,
) -> int:
    """Extract every paper of ``source`` on Dask and write one record per line to ``out_path``, in input order.

    ``source``: a list of papers, what ``read_papers`` takes, or a callable giving a fresh iterable
    per pass. ``partitions``: how many tasks to cut the corpus into (default: about four per worker,
    at most ``MAX_PARTITION`` papers each). Without ``client``/``scheduler`` a local cluster with one
    single-threaded process per core is started and stopped. Returns the number of records written;
    the file is replaced atomically. A paper over the per-paper budget of the worker that extracts it
    (kg.config.Budget) writes no line and goes to ``report``.
    """
    corpus = CorpusNames()
    total = 0
    for paper in iter_papers(source):
        corpus.add_paper(paper)
        total += 1
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    with ExitStack() as stack:
        dask = _connect(stack, client, scheduler)
        workers = max(1, len(dask.scheduler_info().get("workers", {})))
        count = partitions or max(4 * workers, -(-total // MAX_PARTITION))
        size = max(1, -(-total // count))
        names = dask.scatter(corpus, broadcast=True)
        written = 0
        in_flight: deque[Any] = deque()
        with tmp.open("w", encoding="utf-8") as fh:

            def drain(keep: int) -> None:
                nonlocal written
                while len(in_flight) > keep:
                    for outcome in in_flight.popleft().result():
                        if isinstance(outcome, BudgetError):
                            report_skip(outcome, report)
                        else:
                            fh.write(outcome + "\n")
                            written += 1

            for chunk in chunked(iter_papers(source, report), size):
                in_flight.append(dask.submit(_extract_partition, chunk, names, pure=False))
                drain(2 * workers)
            drain(0)
    tmp.replace(out)
    return written
