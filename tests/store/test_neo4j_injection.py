"""Names full of Cypher syntax reach Neo4j only as parameters: they round-trip unchanged and run nothing."""

from __future__ import annotations

from pathlib import Path

from _neo4jkit import fresh_store
from _storekit import LORA_SB, SB_RECORD, record
from graph_oracle import find_entity, outperformers

from kg.pipeline import ingest
from kg.records import Paper
from kg.store import EmbeddedStore

EVIL = "Evil'}) DETACH DELETE n //"
NASTY = 'Na`s"ty {x: $y} \\ `) MATCH (m) DETACH DELETE m'
PAPER = Paper(
    id="p'}) DETACH DELETE n //", title="A title with `backticks` and {braces} and 'quotes'", abstract='"}) RETURN 1 //'
)
RECORD = record(
    {
        "id": PAPER.id,
        "proposed": [{"name": EVIL, "aliases": [NASTY]}],
        "entities": [{"name": EVIL, "aliases": [NASTY]}, {"name": "LoRA"}, {"name": "Data'set`)", "type": "Dataset"}],
        "evaluated_on": ["Data'set`)"],
        "outperforms": [
            {
                "winner": EVIL,
                "loser": "LoRA",
                "on": ["Data'set`)"],
                "metric": "F1' OR 1=1",
                "evidence": "'}]->() DELETE r //",
            }
        ],
    }
)


def test_cypher_in_names_round_trips_unchanged(tmp_path: Path) -> None:
    embedded = EmbeddedStore(tmp_path)
    neo4j = fresh_store()
    try:
        for store in (embedded, neo4j):
            ingest(store, [LORA_SB, PAPER], [SB_RECORD, RECORD])
        g = neo4j.graph()
        assert g.nodes[f"Paper:{PAPER.id}"]["title"] == PAPER.title
        assert g.nodes[f"Paper:{PAPER.id}"]["abstract"] == PAPER.abstract
        evil = find_entity(g, EVIL)
        assert evil is not None and g.nodes[evil]["name"] == EVIL and g.nodes[evil]["aliases"] == [NASTY]
        assert find_entity(g, NASTY) == evil
        claims = dict(outperformers(g, "LoRA"))[evil]
        assert [c["metric"] for c in claims] == ["F1' OR 1=1"] and claims[0]["evidence"] == "'}]->() DELETE r //"
        assert neo4j.stats() == embedded.stats()  # nothing deleted, nothing extra
        assert (
            neo4j.export(tmp_path / "n.json", "json").read_bytes()
            == embedded.export(tmp_path / "e.json", "json").read_bytes()
        )
        assert neo4j.delete_paper(PAPER.id) and embedded.delete_paper(PAPER.id)
        assert neo4j.stats() == embedded.stats() and neo4j.stats()["nodes"]["Paper"] == 1
    finally:
        neo4j.close()
