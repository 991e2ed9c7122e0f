"""Many small batches, re-derivation skipped where a batch cannot change it: still exactly the embedded graph."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest
from _neo4jkit import fresh_store
from _storekit import synthetic

from kg.graph import KnowledgeGraph
from kg.pipeline import ingest
from kg.records import ExtractionRecord, Paper
from kg.store import EmbeddedStore, Neo4jStore


@pytest.fixture
def corpus() -> list[tuple[Paper, ExtractionRecord]]:
    return list(synthetic().synthetic_corpus(300, seed=3))


@pytest.fixture
def neo4j() -> Iterator[Neo4jStore]:
    store = fresh_store(papers_per_batch=7)
    yield store
    store.close()


def _respelled(record: ExtractionRecord, name: str, alias: str, type: str) -> ExtractionRecord:
    """The record with ``name`` declared a ``type`` and also spelled ``alias``."""
    data = record.model_dump()
    for entity in data["entities"]:
        if entity["name"] == name:
            entity.update(type=type, aliases=[*entity["aliases"], alias])
    return ExtractionRecord.model_validate(data)


def test_small_batches_of_new_papers_give_the_embedded_graph(
    neo4j: Neo4jStore, corpus: list[tuple[Paper, ExtractionRecord]], tmp_path: Path
) -> None:
    embedded = EmbeddedStore(tmp_path / "embedded")
    popular, node = "SynNet-0000", "Entity:synnet 0000"

    def load(part: list[tuple[Paper, ExtractionRecord]]) -> bytes:
        for store in (embedded, neo4j):
            ingest(store, [p for p, _ in part], [r for _, r in part])
        ours = neo4j.export(tmp_path / "n.json", "json").read_bytes()
        assert ours == embedded.export(tmp_path / "e.json", "json").read_bytes()
        return ours

    load(corpus[:60])
    assert neo4j.graph().nodes[node]["label"] == "Method"
    # new papers spell the most mentioned entity a new way, same type: the spelling must show
    load([(p, _respelled(r, popular, f"{popular} v3", "Method")) for p, r in corpus[60:120]])
    assert f"{popular} v3" in neo4j.graph().nodes[node]["aliases"]
    # many more new papers call it a Model, spelled only in known ways: the vote flips
    load([(p, _respelled(r, popular, f"{popular} v3", "Model")) for p, r in corpus[120:]])
    assert neo4j.graph().nodes[node]["label"] == "Model"
    # re-ingesting the originals replaces those claims: back to a Method with its own spellings
    load(corpus)
    assert neo4j.graph().nodes[node]["label"] == "Method" and neo4j.graph().nodes[node]["aliases"] == []


def test_a_new_family_phrase_shows_in_the_family_aliases(
    neo4j: Neo4jStore, corpus: list[tuple[Paper, ExtractionRecord]], tmp_path: Path
) -> None:
    embedded = EmbeddedStore(tmp_path / "embedded")
    peft = [(p, r) for p, r in corpus if r.proposed[0].families == ["parameter-efficient fine-tuning"]]
    renamed = []
    for paper, record in peft[20:40]:
        data = record.model_dump()
        data["proposed"][0]["families"] = ["Parameter-Efficient Fine-Tuning"]
        renamed.append((paper, ExtractionRecord.model_validate(data)))
    for part in (peft[:20], renamed):
        for store in (embedded, neo4j):
            ingest(store, [p for p, _ in part], [r for _, r in part])
    family = "Family:parameter efficient fine tuning"
    assert "Parameter-Efficient Fine-Tuning" in neo4j.graph().nodes[family]["aliases"]
    assert (
        neo4j.export(tmp_path / "n.json", "json").read_bytes()
        == embedded.export(tmp_path / "e.json", "json").read_bytes()
    )


def _piece(paper: str, mention: bool) -> KnowledgeGraph:
    """A hand-made piece: paper → X, with X's aliases as the piece states them, mentioned or only claimed."""
    g: KnowledgeGraph = nx.MultiDiGraph()
    g.add_node(f"Paper:{paper}", label="Paper", id=paper, title=paper, abstract="", authors=[])
    g.add_node("Entity:x", label="Method", key="x", name="X", aliases=["x-alias"] if mention else ["x-alias", "extra"])
    g.add_node("Entity:y", label="Method", key="y", name="Y", aliases=[])
    if mention:
        g.add_edge(
            f"Paper:{paper}",
            "Entity:x",
            key=f"MENTIONS|{paper}",
            type="MENTIONS",
            paper=paper,
            surface="x-alias",
            aliases=[],
            vote="Method",
            declared=True,
        )
    g.add_edge(
        "Entity:x", "Entity:y", key=f"OUTPERFORMS|{paper}|d", type="OUTPERFORMS", paper=paper, on=[], evidence=""
    )
    return g


def test_an_entity_first_mentioned_later_gets_derived_aliases(neo4j: Neo4jStore, tmp_path: Path) -> None:
    embedded = EmbeddedStore(tmp_path / "embedded")
    for piece in (_piece("p1", mention=False), _piece("p2", mention=True)):
        for store in (embedded, neo4j):
            store.upsert(piece)
    assert neo4j.graph().nodes["Entity:x"]["aliases"] == embedded.graph().nodes["Entity:x"]["aliases"]
    assert (
        neo4j.export(tmp_path / "n.json", "json").read_bytes()
        == embedded.export(tmp_path / "e.json", "json").read_bytes()
    )
