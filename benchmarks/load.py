"""Load benchmark: kg's batched Neo4j loader against a naive one-MERGE-per-row loader.

    NEO4J_URI=bolt://127.0.0.1:7687 .venv/bin/python benchmarks/load.py --papers 1000 10000

For each N: generate N synthetic papers (benchmarks/synthetic.py), resolve and build their
graph piece (timed apart, not part of the load), wipe the database, load the piece with
``Neo4jStore.upsert``; wipe again and load (a sample of) the same piece with the naive loader:
one auto-commit query per node and per relationship, using the very same MERGE queries with a
one-row ``$rows``. For N above ``--naive-cap`` papers the naive loader runs on the first
``--naive-cap`` papers only (its rate does not improve with size), and the output says so.
Prints relationships/s for each loader and the ratio. The database is WIPED: never point it at
a server holding data you want.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import synthetic_corpus

from kg.graph import KnowledgeGraph, build_graph
from kg.resolve import resolve
from kg.store.batches import Batch, split_piece
from kg.store.cypher import query
from kg.store.neo4j.rows import edge_row, node_row
from kg.store.neo4j.schema import apply_schema, wipe_database
from kg.store.neo4j.settings import Neo4jSettings
from kg.store.neo4j.store import PAPERS_PER_BATCH, Neo4jStore

NODE_QUERY = {"paper": "merge_papers", "entity": "merge_entities", "family": "merge_families"}


def build_piece(papers: int, seed: int) -> KnowledgeGraph:
    pairs = list(synthetic_corpus(papers, seed))
    records = [r for _, r in pairs]
    return build_graph([p for p, _ in pairs], records, resolve(records))


def naive_load(store: Neo4jStore, batch: Batch) -> None:
    """One auto-commit MERGE per node, then one per relationship."""
    driver = store._live()
    with driver.session(database=store.settings.database) as session:
        for node, attrs in batch.nodes.items():
            kind, row = node_row(node, attrs)
            session.run(query(NODE_QUERY[kind]), rows=[row]).consume()
        for u, v, k, attrs in batch.edges:
            rel_type, row = edge_row(u, v, k, attrs)
            session.run(query(f"merge_rel_{rel_type.lower()}"), rows=[row]).consume()


def run(sizes: list[int], naive_cap: int, batch: int, seed: int) -> None:
    store = Neo4jStore(Neo4jSettings(), papers_per_batch=batch)
    driver = store._live()
    apply_schema(driver, store.settings.database)
    print(f"Neo4j at {store.settings.uri}; kg loader: {batch} papers per transaction")
    print(
        f"{'papers':>8} {'rels':>9} {'build s':>8} {'kg s':>8} {'kg rel/s':>10} "
        f"{'naive papers':>12} {'naive s':>8} {'naive rel/s':>11} {'ratio':>6}"
    )
    for n in sizes:
        t0 = time.perf_counter()
        piece = build_piece(n, seed)
        build_s = time.perf_counter() - t0
        rels = piece.number_of_edges()

        wipe_database(driver, store.settings.database)
        t0 = time.perf_counter()
        store.upsert(piece)
        ours_s = time.perf_counter() - t0
        assert store.stats()["relationships"] and sum(store.stats()["relationships"].values()) == rels

        wipe_database(driver, store.settings.database)
        sample = next(split_piece(piece, min(n, naive_cap)))
        t0 = time.perf_counter()
        naive_load(store, sample)
        naive_s = time.perf_counter() - t0
        naive_rels = len(sample.edges)
        wipe_database(driver, store.settings.database)

        ours, naive = rels / ours_s, naive_rels / naive_s
        capped = "" if len(sample.papers) == n else " (sample)"
        print(
            f"{n:>8} {rels:>9} {build_s:>8.1f} {ours_s:>8.1f} {ours:>10.0f} "
            f"{len(sample.papers):>12}{capped} {naive_s:>8.1f} {naive:>11.0f} {ours / naive:>6.1f}x",
            flush=True,
        )
    store.close()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--papers", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--naive-cap", type=int, default=2000, help="most papers the naive loader loads (default 2000)")
    parser.add_argument("--batch", type=int, default=PAPERS_PER_BATCH, help="papers per transaction for kg's loader")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    run(args.papers, args.naive_cap, args.batch, args.seed)


if __name__ == "__main__":
    main()
