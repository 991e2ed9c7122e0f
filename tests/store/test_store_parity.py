"""Parity: the gold dev set loaded into both stores gives the same graph and the same answers."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from _neo4jkit import fresh_store
from datapaths import GOLD_DEV, SEED_PAPERS

from kg.corpus import read_papers
from kg.evaluate import load_records
from kg.pipeline import ingest
from kg.store import EmbeddedStore, Neo4jStore

LABEL_COUNTS = "MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n"
TYPE_COUNTS = "MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n"


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[EmbeddedStore, Neo4jStore]]:
    records = load_records(GOLD_DEV)
    papers = [p for p in read_papers(SEED_PAPERS) if p.id in records]
    assert len(papers) == len(records) == 64
    embedded = EmbeddedStore(tmp_path_factory.mktemp("parity"))
    neo4j = fresh_store()
    for store in (embedded, neo4j):
        ingest(store, papers, list(records.values()))
    yield embedded, neo4j
    neo4j.close()


def test_same_counts_per_label_and_type(stores: tuple[EmbeddedStore, Neo4jStore]) -> None:
    embedded, neo4j = stores
    g = embedded.graph()
    driver = neo4j._live()
    labels = {r["label"]: r["n"] for r in driver.execute_query(LABEL_COUNTS).records}
    types = {r["type"]: r["n"] for r in driver.execute_query(TYPE_COUNTS).records}
    expected = Counter(str(d["label"]) for _, d in g.nodes(data=True))
    entities = sum(n for label, n in expected.items() if label not in ("Paper", "Family"))
    assert labels == {**expected, "Entity": entities}
    assert types == Counter(str(d["type"]) for *_, d in g.edges(data=True))
    assert neo4j.stats() == embedded.stats()
    assert embedded.stats()["nodes"]["Paper"] == 64


def test_same_exported_graph(stores: tuple[EmbeddedStore, Neo4jStore], tmp_path: Path) -> None:
    embedded, neo4j = stores
    ours = json.loads(neo4j.export(tmp_path / "n.json", "json").read_text(encoding="utf-8"))
    theirs = json.loads(embedded.export(tmp_path / "e.json", "json").read_text(encoding="utf-8"))
    assert len(ours["nodes"]) > 300 and len(ours["edges"]) > 1000
    assert ours == theirs  # node-link JSON is sorted by node id and edge (from, to, key)


def test_same_alias_index(stores: tuple[EmbeddedStore, Neo4jStore]) -> None:
    embedded, neo4j = stores
    assert neo4j.alias_index().to_json() == embedded.alias_index().to_json()


def test_reingesting_the_gold_changes_nothing(stores: tuple[EmbeddedStore, Neo4jStore], tmp_path: Path) -> None:
    _, neo4j = stores
    before = neo4j.export(tmp_path / "before.json", "json").read_bytes()
    records = load_records(GOLD_DEV)
    ingest(neo4j, [p for p in read_papers(SEED_PAPERS) if p.id in records], list(records.values()))
    assert neo4j.export(tmp_path / "after.json", "json").read_bytes() == before
