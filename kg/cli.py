"""The ``kg`` command line: ingest, extract, eval, stats, export.

Every command reports a KgError as one red line (exit 1); ``--verbose`` shows the trace.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterator
from functools import wraps
from pathlib import Path
from typing import Annotated, Any, Literal, ParamSpec, TypeVar

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from kg.config import Settings, StoreKind, sample_corpus
from kg.corpus.report import ReadReport
from kg.errors import KgError
from kg.records import Paper

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Research knowledge-graph builder.")
console = Console(stderr=True)
out = Console()
_state: dict[str, bool] = {"verbose": False}

P = ParamSpec("P")
R = TypeVar("R")

DataDir = Annotated[
    Path | None, typer.Option("--data-dir", help="Where the embedded store lives (default ./kg-data, env KG_DATA_DIR).")
]
StoreOpt = Annotated[StoreKind | None, typer.Option("--store", help="embedded (default) or neo4j (env KG_STORE).")]


def _settings(data_dir: Path | None = None, store: StoreKind | None = None) -> Settings:
    overrides: dict[str, Any] = {}
    if data_dir is not None:
        overrides["data_dir"] = data_dir
    if store is not None:
        overrides["store"] = store
    return Settings(**overrides)


def friendly_errors(func: Callable[P, R]) -> Callable[P, R]:
    """Turn a KgError (or a bad file) into one readable line and exit code 1."""

    @wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except (KgError, OSError, ValueError) as exc:
            if _state["verbose"]:
                console.print_exception()
            console.print(f"[bold red]error:[/] {exc}", highlight=False)
            raise typer.Exit(1) from None

    return wrapper


@app.callback()
def main(verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Show tracebacks.")] = False) -> None:
    _state["verbose"] = verbose


def _progress() -> Progress:
    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=not sys.stderr.isatty(),
    )


def _report_empty(report: ReadReport) -> None:
    """One warning per source that held no record: an empty file read without a word looks like a success."""
    for source in report.empty:
        console.print(f"[yellow]warning:[/] {source}: no records in this file", highlight=False)


def _report_skips(report: ReadReport) -> None:
    """One line per skipped record (malformed, over budget, duplicate) and per empty source, then the counts."""
    for error in report.errors:
        console.print(f"[yellow]skipped[/] {error}", highlight=False)
    _report_empty(report)
    console.print(report.summary(), highlight=False)


def _extract(papers: list[Paper], report: ReadReport, workers: int = 1) -> Iterator[Any]:
    """Records for ``papers``, linked by the names any of them defines; papers over budget go to ``report``."""
    from kg.extract import collect_names
    from kg.extract.parallel import extract_parallel

    corpus = collect_names(papers)
    with _progress() as progress:
        task = progress.add_task("extracting", total=len(papers))
        for chunk in extract_parallel(papers, corpus, workers=workers, report=report):
            yield from chunk
            progress.advance(task, len(chunk))


Workers = Annotated[int, typer.Option("--workers", "-w", min=1, help="Extraction processes (default 1).")]
Fast = Annotated[
    bool,
    typer.Option("--fast", help="Rules only: no tagger, no noun-phrase candidates, no learned typer (~4x faster)."),
]


def _use_mode(fast: bool) -> None:
    """Set the extraction mode for this process and the workers it starts (they inherit the environment)."""
    from kg.extract.extractor import MODE_ENV

    if fast:
        os.environ[MODE_ENV] = "fast"


Sources = Annotated[
    list[Path] | None,
    typer.Argument(
        help="Files or folders: trending-page .txt, .jsonl, arXiv Atom .xml, arXiv snapshot .jsonl. "
        "Default: the bundled sample corpus."
    ),
]


@app.command()
@friendly_errors
def extract(
    sources: Sources = None,
    out_path: Annotated[Path, typer.Option("--out", "-o", help="Where to write the records (JSONL).")] = Path(
        "extractions.jsonl"
    ),
    workers: Workers = 1,
    fast: Fast = False,
    engine: Annotated[
        Literal["local", "dask"], typer.Option("--engine", help="local processes (default) or a Dask cluster.")
    ] = "local",
    scheduler: Annotated[
        str | None, typer.Option("--scheduler", help="Dask scheduler, e.g. tcp://host:8786 (default: a local cluster).")
    ] = None,
    partitions: Annotated[
        int | None,
        typer.Option("--partitions", min=1, help="Dask tasks to cut the corpus into (default ~4 per worker)."),
    ] = None,
) -> None:
    """Extract one gold-format record per paper into a JSONL file."""
    _use_mode(fast)
    if engine == "dask":
        _extract_with_dask(sources or [sample_corpus()], out_path, partitions, scheduler)
        return
    from kg.corpus import iter_papers

    report = ReadReport()
    papers = list(iter_papers(sources or [sample_corpus()], report))
    out_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = out_path.with_name(out_path.name + ".tmp")
    written = 0
    with tmp.open("w", encoding="utf-8") as fh:
        for record in _extract(papers, report, workers):
            fh.write(record.model_dump_json() + "\n")
            written += 1
    tmp.replace(out_path)
    _report_skips(report)
    console.print(f"wrote {written} records to {out_path}", highlight=False)


def _extract_with_dask(sources: list[Path], out_path: Path, partitions: int | None, scheduler: str | None) -> None:
    from kg.corpus import ReadReport

    try:
        import distributed  # noqa: F401

        from kg.extract.distributed import extract_with_dask
    except ImportError:
        raise KgError("--engine dask needs Dask: pip install 'kg[dask]'") from None
    report = ReadReport()
    n = extract_with_dask(sources, out_path, partitions=partitions, scheduler=scheduler, report=report)
    for error in report.errors:
        console.print(f"[yellow]skipped[/] {error}", highlight=False)
    _report_empty(report)
    console.print(f"wrote {n} records to {out_path} (dask)", highlight=False)


@app.command()
@friendly_errors
def synth(
    n: Annotated[int, typer.Argument(min=1, help="How many synthetic papers.")],
    out_dir: Annotated[Path, typer.Option("--out", "-o", help="Folder for papers.jsonl and gold.jsonl.")] = Path(
        "synthetic"
    ),
    seed: Annotated[int, typer.Option("--seed", help="Same seed, same corpus.")] = 0,
) -> None:
    """Write N synthetic, labelled papers (ids syn-0…) and their gold records, for load and correctness tests."""
    from kg.synthetic import write_corpus

    papers, gold = write_corpus(out_dir, n, seed)
    console.print(f"wrote {n} synthetic papers to {papers}, gold to {gold}", highlight=False)


@app.command("eval")
@friendly_errors
def eval_(
    gold: Annotated[Path, typer.Option("--gold", help="Gold records (JSONL).")],
    pred: Annotated[Path, typer.Option("--pred", help="Predicted records (JSONL), e.g. from kg extract.")],
    json_out: Annotated[Path | None, typer.Option("--json", help="Also write the scores as JSON here.")] = None,
    errors: Annotated[bool, typer.Option("--errors", help="List false positives and negatives per paper.")] = False,
) -> None:
    """Precision / recall / F1 per field of predicted records against gold records."""
    from kg.evaluate import evaluate, load_records, render_errors, render_table

    report = evaluate(load_records(gold), load_records(pred))
    out.print(render_table(report))
    if errors:
        render_errors(report, out)
    if json_out is not None:
        json_out.write_text(json.dumps(report.to_json(), indent=2), encoding="utf-8")


@app.command("eval-linking")
@friendly_errors
def eval_linking(
    pairs: Annotated[
        Path | None, typer.Argument(help="Merge / non-merge pairs (JSONL); default: the shipped set.")
    ] = None,
    mode: Annotated[
        Literal["batch", "incremental"],
        typer.Option("--mode", help="batch: both papers resolved together; incremental: the second against a store."),
    ] = "batch",
    json_out: Annotated[Path | None, typer.Option("--json", help="Also write the scores as JSON here.")] = None,
) -> None:
    """Entity linking across papers: precision / recall of merge decisions over labelled name pairs."""
    from kg.evaluate import evaluate_linking, render_linking

    report = evaluate_linking(pairs, mode)
    render_linking(report, out)
    if json_out is not None:
        json_out.write_text(json.dumps(report.to_json(), indent=2), encoding="utf-8")


def _open_store(settings: Settings) -> Any:
    from kg.store import open_store

    return open_store(settings.store, settings.data_dir)


@app.command()
@friendly_errors
def ingest(
    sources: Sources = None,
    data_dir: DataDir = None,
    store: StoreOpt = None,
    workers: Workers = 1,
    records_path: Annotated[
        Path | None, typer.Option("--records", help="Precomputed records (JSONL, e.g. from kg extract --engine dask).")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Re-extract papers whose content is unchanged too.")] = False,
    batch_size: Annotated[
        int, typer.Option("--batch-size", min=1, help="Papers resolved and written together.")
    ] = 2000,
    fast: Fast = False,
) -> None:
    """Read, extract, resolve and load papers into the store (default: the bundled sample corpus).

    Papers whose content hash matches the stored one are skipped, and stored papers are
    re-extracted only when a name new to the corpus appears in their text, so a daily feed
    costs time in proportion to what is new (``--force`` re-extracts everything, e.g. after
    an upgrade). Memory follows the batch size, not the corpus.
    """
    from kg.evaluate import load_records
    from kg.pipeline import ingest_sources

    _use_mode(fast)
    settings = _settings(data_dir, store)
    records = load_records(records_path) if records_path else None
    target = _open_store(settings)
    try:
        with _progress() as progress:
            task = progress.add_task("reading", total=None)

            def plan(n: int) -> None:
                progress.update(task, description="extracting and loading", total=n, completed=0)

            summary = ingest_sources(
                target,
                sources or [sample_corpus()],
                workers=workers,
                batch_size=batch_size,
                force=force,
                records=records,
                on_plan=plan,
                on_batch=lambda n: progress.advance(task, n),
            )
    finally:
        target.close()
    _report_skips(summary.read)
    if summary.unchanged:
        console.print(f"{summary.unchanged} papers unchanged since the last ingest", highlight=False)
    if summary.relinked:
        console.print(
            f"re-linked {summary.relinked} stored papers that mention one of {summary.new_names} "
            "names new to the corpus",
            highlight=False,
        )
    console.print(
        f"loaded {summary.loaded} papers, {summary.entities} entities into the {settings.store} store"
        + (f" at {settings.data_dir}" if settings.store == "embedded" else ""),
        highlight=False,
    )


@app.command()
@friendly_errors
def stats(data_dir: DataDir = None, store: StoreOpt = None) -> None:
    """Node counts per label and relationship counts per type."""
    target = _open_store(_settings(data_dir, store))
    try:
        counts = target.stats()
    finally:
        target.close()
    for title, table_counts in (("nodes", counts["nodes"]), ("relationships", counts["relationships"])):
        table = Table(title=title)
        table.add_column("label" if title == "nodes" else "type")
        table.add_column("count", justify="right")
        for name, n in sorted(table_counts.items()):
            table.add_row(name, str(n))
        out.print(table)


@app.command()
@friendly_errors
def export(
    out_path: Annotated[Path, typer.Argument(help="File (json, graphml) or folder (csv) to write.")],
    fmt: Annotated[Literal["json", "graphml", "csv"], typer.Option("--format", "-f")] = "json",
    data_dir: DataDir = None,
    store: StoreOpt = None,
) -> None:
    """Export the whole graph as node-link JSON, GraphML or CSV (nodes.csv + relationships.csv)."""
    target = _open_store(_settings(data_dir, store))
    try:
        target.export(out_path, fmt)
    finally:
        target.close()
    console.print(f"exported {fmt} to {out_path}", highlight=False)


@app.command("init-db")
@friendly_errors
def init_db() -> None:
    """Create the Neo4j constraints and indexes (schema/*.cypher); running it again changes nothing."""
    from kg.store import Neo4jSettings
    from kg.store import init_db as apply

    settings = Neo4jSettings()
    count = apply(settings)
    console.print(f"applied {count} schema statements to Neo4j at {settings.uri}", highlight=False)


@app.command("delete-paper")
@friendly_errors
def delete_paper(paper_id: str, data_dir: DataDir = None, store: StoreOpt = None) -> None:
    """Remove one paper and the claims only it supports; an id the store does not hold is an error (exit 1)."""
    settings = _settings(data_dir, store)
    target = _open_store(settings)
    try:
        deleted = target.delete_paper(paper_id)
    finally:
        target.close()
    if not deleted:  # a typo must not look like a deletion
        where = f" at {settings.data_dir}" if settings.store == "embedded" else ""
        raise KgError(f"no paper with id {paper_id!r} in the {settings.store} store{where}; nothing deleted")
    console.print(f"deleted {paper_id}", highlight=False)


def _reads_factory(settings: Settings) -> Callable[[], Any]:
    """What the API reads the store through (a factory: embedded reloads graph.json; Neo4j shares one driver)."""
    if settings.store == "neo4j":
        from kg.api.neo4j import neo4j_reads
        from kg.store.neo4j.settings import Neo4jSettings

        return neo4j_reads(Neo4jSettings())
    from kg.api import embedded_reads

    return embedded_reads(settings.data_dir)


@app.command()
@friendly_errors
def serve(
    host: Annotated[str, typer.Option("--host", help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", "-p", help="Port to listen on.")] = 8000,
    data_dir: DataDir = None,
    store: StoreOpt = None,
) -> None:
    """Serve the explorer (/), the Cypher console (/console), the GraphQL API (/graphql, GraphiQL), /healthz."""
    from kg.api import serve as serve_api

    settings = _settings(data_dir, store)
    factory = _reads_factory(settings)
    factory()  # fail now, in one line, if the store cannot be read
    console.print(
        f"kg on http://{host}:{port}/ (explorer; /console, /graphql; {settings.store} store)", highlight=False
    )
    serve_api(host, port, factory)


@app.command()
@friendly_errors
def query(
    document: Annotated[str, typer.Argument(help="A GraphQL query, or @FILE to read one from a file.")],
    var: Annotated[
        list[str] | None,
        typer.Option("--var", help="A variable NAME=VALUE (VALUE as JSON when it parses); repeatable."),
    ] = None,
    data_dir: DataDir = None,
    store: StoreOpt = None,
) -> None:
    """Run one GraphQL query against the store and print the JSON response (exit 1 on errors)."""
    from kg.api import parse_variables, run_query

    text = Path(document[1:]).read_text(encoding="utf-8") if document.startswith("@") else document
    result = run_query(text, parse_variables(var or []), _reads_factory(_settings(data_dir, store))())
    sys.stdout.write(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    if result.get("errors"):
        raise typer.Exit(1)


NerCorpusDir = Annotated[
    Path | None,
    typer.Option("--corpus-dir", help="Folder with scierc/ and scirex/ (default ../shared/data, env KG_NER_DATA)."),
]


@app.command("train-ner")
@friendly_errors
def train_ner(
    out_dir: Annotated[Path | None, typer.Option("--out", "-o", help="Model folder (default: shipped one).")] = None,
    config: Annotated[Path | None, typer.Option("--config", help="spaCy config (default: configs/ner.cfg).")] = None,
    seed: Annotated[int, typer.Option("--seed", help="Random seed (data split, sampling, weights).")] = 0,
    max_docs: Annotated[int | None, typer.Option("--max-docs", help="Only the first N SciERC train documents.")] = None,
    corpus_dir: NerCorpusDir = None,
    scirex_words: Annotated[int, typer.Option("--scirex-words", help="SciREX tokens sampled in; 0: none.")] = 150_000,
    max_epochs: Annotated[int | None, typer.Option("--max-epochs", help="Override the config's epochs.")] = None,
) -> None:
    """Train the scientific NER (Method, Task, Metric, Dataset) on SciERC + SciREX; print SciERC dev scores."""
    from kg.ner import MODEL_DIR
    from kg.ner.evaluate import render_table
    from kg.ner.train import DEFAULT_CONFIG, train

    overrides = {"training.max_epochs": max_epochs} if max_epochs is not None else {}
    console.print("training the NER model (about 15 minutes on 2 CPU cores)...", highlight=False)
    result = train(out_dir or MODEL_DIR, config or DEFAULT_CONFIG, seed, max_docs, corpus_dir, scirex_words, overrides)
    console.print(f"saved {result.output_dir} after {result.seconds:.0f}s", highlight=False)
    if result.dev is not None:
        out.print(render_table(result.dev, "SciERC dev"))


@app.command("train-typer")
@friendly_errors
def train_typer(
    corpus_dir: NerCorpusDir = None,
    folds: Annotated[int, typer.Option("--folds", min=0, help="Cross-validation folds to report first (0: none).")] = 5,
) -> None:
    """Train the entity typer on the dev gold and annotated arXiv set; rebuild its gazetteer from SciERC + SciREX."""
    from kg.ner.corpus import read_scierc, read_scirex
    from kg.ner.prepare import default_data_dir
    from kg.typer import gazetteer
    from kg.typer.model import MODEL_FILE
    from kg.typer.train import DEFAULT_SETS, cross_validate, load_examples, train

    shared = corpus_dir or default_data_dir()
    sources = [
        (shared / "scierc" / "train.json", read_scierc),
        (shared / "scierc" / "dev.json", read_scierc),
        (shared / "scirex" / "scirex_dev.jsonl", read_scirex),
    ]
    if all(path.is_file() for path, _ in sources):
        gazetteer.save(gazetteer.build(doc for path, read in sources for doc in read(path)))
        gazetteer.load.cache_clear()
        console.print(f"gazetteer rebuilt from {shared}", highlight=False)
    else:
        console.print(f"no SciERC/SciREX under {shared}: keeping the shipped gazetteer", highlight=False)
    examples = load_examples(DEFAULT_SETS)
    if folds > 1:
        scores = cross_validate(examples, folds=folds)
        out.print(
            f"{folds}-fold cross-validation by paper: label accuracy {scores['accuracy']:.3f}, type accuracy on "
            f"entities {scores['type_accuracy']:.3f} (the rules alone: {scores['rules_type_accuracy']:.3f})"
        )
    model = train(examples)
    model.save(MODEL_FILE)
    console.print(
        f"saved {MODEL_FILE} ({model.meta['examples']} candidates, {model.meta['features']} features)", highlight=False
    )


@app.command("eval-ner")
@friendly_errors
def eval_ner(
    path: Annotated[Path, typer.Argument(help="A SciERC-format JSON-lines file (a SciREX file works too).")],
    model: Annotated[Path | None, typer.Option("--model", help="Model folder (default: the shipped one).")] = None,
    json_out: Annotated[Path | None, typer.Option("--json", help="Also write the scores as JSON here.")] = None,
) -> None:
    """Exact-span, typed precision / recall / F1 of the NER model, per label and micro-averaged."""
    from kg.ner.evaluate import evaluate_file, render_table
    from kg.ner.model import load_path

    report = evaluate_file(path, load_path(model) if model is not None else None)
    out.print(render_table(report, path.name))
    if json_out is not None:
        json_out.write_text(json.dumps(report.to_json(), indent=2), encoding="utf-8")


if __name__ == "__main__":  # pragma: no cover
    app()
