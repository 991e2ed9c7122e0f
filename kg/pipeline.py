"""The ingest pipeline: sources → extract → resolve → graph → store, in bounded batches.

What ``kg ingest`` runs. Two passes over the sources, so memory follows the batch size, not the
corpus:

1. Read every paper once: skip those whose content hash the store already holds (unless
   ``force``), and collect the names the others define (``kg.extract.corpus_names``).
2. The corpus lexicon is what the stored papers defined (kept on their Paper nodes) plus the
   new names. Stored papers whose text contains a name new to the corpus may now link
   differently, so they are re-extracted too (found through ``Store.papers_mentioning``).
3. Read again; extract the changed and re-linked papers in batches (worker processes stay up
   across batches), resolve each batch against what the store knows, build its piece, upsert.

A daily feed therefore costs the new papers, the lexicon read and the papers the new names
touch, not the whole graph. A paper over the per-paper budget (kg.config.Budget) is skipped with
its file, line and reason, in pass 1 for its size and in pass 3 for its time or names, and counted
in ``summary.read``; the rest load.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import chain

from kg.config import Budget, default_budget
from kg.corpus import ReadReport, Sources, chunked, iter_papers
from kg.corpus.hashing import content_hash
from kg.errors import BudgetError, KgError
from kg.extract.corpus_names import CorpusNames, paper_lexicon
from kg.extract.parallel import extract_within_budget, report_skip
from kg.extract.streaming import stream_extract
from kg.graph.builder import build_graph
from kg.graph.model import split_acronym
from kg.records import ExtractionRecord, Paper
from kg.resolve.resolution import Resolution
from kg.resolve.resolver import Resolver, lookup_keys
from kg.store import Store
from kg.taxonomy import Taxonomy, load_taxonomy

BATCH_SIZE = 2000  # papers resolved and written together
_HASH_CHUNK = 5000  # ids per stored-hash lookup


@dataclass
class IngestSummary:
    """What one ingest did, for the user and the benchmarks."""

    read: ReadReport = field(default_factory=ReadReport)
    unchanged: int = 0
    loaded: int = 0  # new or changed papers written
    relinked: int = 0  # stored papers re-extracted because a new name appears in their text
    new_names: int = 0
    entities: int = 0  # entities the written batches resolved to


def ingest(
    store: Store,
    papers: Iterable[Paper],
    records: Iterable[ExtractionRecord],
    taxonomy: Taxonomy | None = None,
) -> Resolution:
    """Resolve ``records`` against what ``store`` already knows, build their graph piece, upsert it.

    Returns the resolution (which key each paper's names became).
    """
    taxonomy = taxonomy or load_taxonomy()
    records = list(records)
    resolution = Resolver(store.alias_index(lookup_keys(records)), taxonomy).resolve(records)
    store.upsert(build_graph(papers, records, resolution, taxonomy))
    return resolution


def ingest_sources(
    store: Store,
    sources: Sources,
    *,
    workers: int = 1,
    batch_size: int = BATCH_SIZE,
    force: bool = False,
    records: Mapping[str, ExtractionRecord] | None = None,
    on_plan: Callable[[int], None] | None = None,
    on_batch: Callable[[int], None] | None = None,
    budget: Budget | None = None,
) -> IngestSummary:
    """Ingest ``sources`` (paths, or a callable giving a fresh iterable of papers) into ``store``.

    ``records``: precomputed records by paper id (e.g. from ``kg extract --engine dask``) used
    instead of extracting; KgError when one is missing. ``on_plan(n)`` is called once with the
    number of papers to write, ``on_batch(k)`` after each batch of k papers is stored (or skipped).
    ``budget``: the per-paper budget (default: this process's, ``kg.config.default_budget()``).
    """
    summary = IngestSummary()
    budget = budget or default_budget()
    changed, fresh = _changed_papers(store, sources, summary, force, budget)
    lexicon = stored_lexicon(store)
    added = lexicon.added_by(fresh)
    lexicon.update(fresh)
    summary.new_names = len(added)
    relink = [p for p in store.papers_mentioning(sorted(added)) if p.id not in changed] if added else []
    summary.relinked = len(relink)
    if records is not None:
        _check_records(records, changed)
    if on_plan is not None:
        on_plan(len(changed) + len(relink))

    def todo() -> Iterator[Paper]:
        fresh_pass = (p for p in iter_papers(sources, ReadReport(), budget) if p.id in changed)
        return chain(fresh_pass, relink)

    with store.deferred_writes():
        extracted = _batches(todo, lexicon, records, changed, batch_size, workers, budget, summary.read)
        for papers, batch_records in extracted:
            if papers:
                resolution = ingest(store, papers, batch_records)
                summary.loaded += sum(1 for p in papers if p.id in changed)
                summary.entities += len(resolution.entities)
            if on_batch is not None:
                on_batch(len(papers))
    return summary


def stored_lexicon(store: Store) -> CorpusNames:
    """The corpus-wide names every stored paper defined."""
    lexicon = CorpusNames()
    for defines, acronyms in store.paper_lexicons():
        lexicon.add_defined(defines, [split_acronym(a) for a in acronyms])
    return lexicon


def _changed_papers(
    store: Store, sources: Sources, summary: IngestSummary, force: bool, budget: Budget
) -> tuple[set[str], CorpusNames]:
    """Pass 1: ids of the papers to (re)write and the names they define."""
    changed: set[str] = set()
    names = CorpusNames()
    for chunk in chunked(iter_papers(sources, summary.read, budget), _HASH_CHUNK):
        stored = {} if force else store.paper_hashes([p.id for p in chunk])
        for paper in chunk:
            if stored.get(paper.id) == content_hash(paper):
                summary.unchanged += 1
            else:
                changed.add(paper.id)
                names.add_paper(paper)
    return changed, names


def _check_records(records: Mapping[str, ExtractionRecord], changed: set[str]) -> None:
    missing = sorted(changed - set(records))
    if missing:
        raise KgError(f"no precomputed record for {len(missing)} papers, e.g. {missing[0]}")


def _batches(
    todo: Callable[[], Iterable[Paper]],
    lexicon: CorpusNames,
    records: Mapping[str, ExtractionRecord] | None,
    changed: set[str],
    batch_size: int,
    workers: int,
    budget: Budget,
    report: ReadReport,
) -> Iterator[tuple[list[Paper], list[ExtractionRecord]]]:
    """(papers, their records) per batch: precomputed records where given (re-linked papers are
    always extracted: their old records are what changed), else extracted with ``lexicon``. Papers
    over ``budget`` are left out and go to ``report``."""
    if records is not None:
        for batch in chunked(todo(), batch_size):
            pairs = [
                (p, _with_lexicon(p, records[p.id]) if p.id in changed else extract_within_budget(p, lexicon, budget))
                for p in batch
            ]
            for _, outcome in pairs:
                if isinstance(outcome, BudgetError):
                    report_skip(outcome, report)
            kept = [(p, r) for p, r in pairs if isinstance(r, ExtractionRecord)]
            yield [p for p, _ in kept], [r for _, r in kept]
        return
    for extracted in stream_extract(
        todo, batch_size=batch_size, workers=workers, report=report, corpus=lexicon, budget=budget
    ):
        yield [p for p, _ in extracted], [r for _, r in extracted]


def _with_lexicon(paper: Paper, record: ExtractionRecord) -> ExtractionRecord:
    """A precomputed record (a gold file, another extractor's output) with the paper's corpus-name
    contribution, which the store keeps with the paper; records kg extracts carry it already."""
    if record.defines or record.acronyms:
        return record
    defines, acronyms = paper_lexicon(paper)
    return record.model_copy(update={"defines": defines, "acronyms": acronyms})
