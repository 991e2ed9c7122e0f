"""One sentence with many rivals is one evidence string in memory, not one copy per claim edge (issue #12,
finding 6): in the extracted records, in the graph a store holds and in a graph read back from either store."""

from __future__ import annotations

from pathlib import Path

from _storekit import MakeStore

from kg.extract import extract_paper
from kg.graph.model import OUTPERFORMS
from kg.pipeline import ingest
from kg.records import Paper
from kg.store import EmbeddedStore
from kg.store.evidence import EvidencePool

RIVALS = ", ".join(f"Rival{i}Net" for i in range(90))  # within the names-per-sentence budget
PAPER = Paper(
    id="e1", title="M0: a method", abstract=f"We propose M0. M0 outperforms {RIVALS} on ImageNet. It is fast."
)


def _evidence_ids(store: object) -> tuple[int, set[int]]:
    g = store.graph()  # type: ignore[attr-defined]
    claims = [d["evidence"] for _, _, d in g.edges(data=True) if d.get("type") == OUTPERFORMS]
    return len(claims), {id(e) for e in claims}


def test_claims_of_one_sentence_share_their_evidence_in_every_store(make_store: MakeStore, tmp_path: Path) -> None:
    record = extract_paper(PAPER)
    assert len(record.outperforms) == 90 and len({id(c.evidence) for c in record.outperforms}) == 1
    store = make_store()
    ingest(store, [PAPER], [record])
    count, ids = _evidence_ids(store)  # on Neo4j: read back over Bolt, one string per relationship
    assert count == 90 and len(ids) == 1


def test_the_embedded_file_read_back_shares_them_too(tmp_path: Path) -> None:
    ingest(EmbeddedStore(tmp_path), [PAPER], [extract_paper(PAPER)])
    count, ids = _evidence_ids(EmbeddedStore(tmp_path))  # json.loads made 90 copies; the pool keeps one
    assert count == 90 and len(ids) == 1


def test_the_pool_shares_equal_strings_only() -> None:
    pool = EvidencePool()
    a, b, c = {"evidence": "x" * 50}, {"evidence": "".join(["x"] * 50)}, {"evidence": "y"}
    assert a["evidence"] is not b["evidence"]
    pool.share(a), pool.share(b), pool.share(c)
    assert a["evidence"] is b["evidence"] and c["evidence"] == "y"
    assert pool.share({"on": []}) == {"on": []}
