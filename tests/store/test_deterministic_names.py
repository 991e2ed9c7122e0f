"""An entity's name and aliases follow from what is stored, never from how the ingest was cut (issue #12,
finding 10): a clean ingest, a part then all of it again, an interrupted-then-rerun ingest and an
ingest in batches of one paper end with the same names, on both stores."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from _neo4jkit import fresh_store
from _storekit import MakeStore
from datapaths import SEED_PAPERS

import kg.store.neo4j.store as neo4j_module
from kg.pipeline import ingest_sources
from kg.records import Paper
from kg.store import EmbeddedStore, Store

# "LLM alignment" (a1) and "LLM Alignment" (b1) are one entity, used once each: a tie that the total
# order on names settles as "LLM Alignment". a1 mentions "zorblat tuning", which c1 defines, so a rerun
# after a1 alone re-extracts a1 with c1: the resolver then saw a1's stored mention and its new one,
# counted "LLM alignment" twice and named the entity after it.
A1 = Paper(
    id="a1",
    title="Aligning Language Models with Feedback",
    abstract="We study LLM alignment with preference data. "
    "Our method improves recall over zorblat tuning on AlpacaEval.",
)
B1 = Paper(
    id="b1",
    title="Principled Decoding for LLM Alignment",
    abstract="We propose QDec, a decoding method. QDec outperforms DPO on AlpacaEval.",
)
C1 = Paper(
    id="c1",
    title="Zorblat Tuning for Retrieval",
    abstract="We propose Zorblat Tuning (ZT), a parameter-efficient fine-tuning method. ZT outperforms LoRA on BEIR.",
)
CORPUS = [A1, B1, C1]
# "SFT" spelled out two ways: two entities, neither of them named by the acronym they share
SPARSE = Paper(
    id="s1",
    title="Sparse Adapters",
    abstract="We propose sparse fine-tuning (SFT), a parameter-efficient method. SFT outperforms LoRA on GLUE.",
)
SUPERVISED = Paper(
    id="s2",
    title="Instruction Data",
    abstract="Supervised fine-tuning (SFT) on instruction data improves LLaMA on MMLU.",
)


def _ingest(store: Store, papers: list[Paper], **options: object) -> None:
    ingest_sources(store, lambda: list(papers), **options)  # type: ignore[arg-type]


def _export(store: Store, path: Path) -> bytes:
    return store.export(path, "json").read_bytes()


def _names(store: Store) -> dict[str, tuple[str, list[str]]]:
    g = store.graph()
    return {n: (str(a["name"]), list(a["aliases"])) for n, a in g.nodes(data=True) if n.startswith("Entity:")}


def test_a_part_then_all_of_it_again_gives_the_clean_graph(make_store: MakeStore, tmp_path: Path) -> None:
    clean = make_store()
    _ingest(clean, CORPUS)
    expected = _export(clean, tmp_path / "clean.json")
    assert _names(clean)["Entity:llm alignment"] == ("LLM Alignment", ["LLM alignment"])
    rerun = make_store()  # (on Neo4j: the same database, wiped)
    _ingest(rerun, [A1])
    _ingest(rerun, CORPUS)  # a1 is unchanged but re-linked: "zorblat tuning" is now a name
    assert _export(rerun, tmp_path / "rerun.json") == expected


@pytest.fixture
def clean_export(tmp_path: Path) -> bytes:
    embedded = EmbeddedStore(tmp_path / "clean")
    _ingest(embedded, CORPUS)
    return _export(embedded, tmp_path / "clean.json")


@pytest.fixture
def neo4j_store() -> Iterator[Store]:
    store = fresh_store(papers_per_batch=1)
    yield store
    store.close()


def _failing_after(calls: int, write: Callable[..., None]) -> Callable[..., None]:
    """``write_batch`` that dies (like a killed process) once ``calls`` transactions have committed."""
    done = [0]

    def write_batch(*args: object) -> None:
        if done[0] == calls:
            raise KeyboardInterrupt("killed")
        write(*args)
        done[0] += 1

    return write_batch


def test_an_interrupted_then_rerun_neo4j_ingest_gives_the_clean_graph(
    neo4j_store: Store, clean_export: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The issue's own sequence: one transaction per paper, killed after the first (a1, written with the
    whole corpus' lexicon), then the same ingest again; equal to a clean ingest on either store."""
    monkeypatch.setattr(neo4j_module, "write_batch", _failing_after(1, neo4j_module.write_batch))
    with pytest.raises(KeyboardInterrupt):
        _ingest(neo4j_store, CORPUS)
    monkeypatch.undo()
    assert [n for n in neo4j_store.graph().nodes if n.startswith("Paper:")] == ["Paper:a1"]
    _ingest(neo4j_store, CORPUS)
    assert _export(neo4j_store, tmp_path / "rerun.json") == clean_export


def test_a_shared_acronym_names_neither_entity_whatever_the_batches(make_store: MakeStore) -> None:
    """In batches of one paper the first "SFT" entity was named "SFT" and kept that name once a later
    batch brought the other sense; now both are named by what they spell out, in any batch size."""
    for batch_size in (1, 2000):
        store = make_store()
        _ingest(store, [SPARSE, SUPERVISED], batch_size=batch_size)
        named = sorted(name for name, aliases in _names(store).values() if "SFT" in [name, *aliases])
        assert named == ["Supervised fine-tuning", "sparse fine-tuning"]


def test_deleting_a_paper_renames_what_only_it_named(make_store: MakeStore) -> None:
    store = make_store()
    _ingest(store, CORPUS)
    assert store.delete_paper("b1")
    assert _names(store)["Entity:llm alignment"] == ("LLM alignment", [])  # only a1's spelling is left


SEED = SEED_PAPERS


@pytest.mark.skipif(not SEED.exists(), reason="shared/ corpus not beside the checkout")
def test_on_the_seed_corpus_a_rerun_names_every_entity_as_a_clean_ingest(tmp_path: Path) -> None:
    """The 96 seed papers: the first 40, then all 96 (17 of the 40 are re-linked), against all at once.

    Names and aliases agree for every entity. Two entities keep a different key: an entity keeps
    the key it was first stored under ("feed forward network" before a later paper defined FFN,
    "multi lingual retrieval" before "multilingual retrieval" was the more used spelling), and
    re-keying stored entities is out of scope here."""
    from kg.corpus import read_papers

    papers = list(read_papers([SEED]))
    clean, rerun = EmbeddedStore(tmp_path / "clean"), EmbeddedStore(tmp_path / "rerun")
    _ingest(clean, papers)
    _ingest(rerun, papers[:40])
    _ingest(rerun, papers)
    ours, theirs = _names(rerun), _names(clean)
    assert {k: ours[k] for k in ours.keys() & theirs.keys()} == {k: theirs[k] for k in ours.keys() & theirs.keys()}
    assert len(ours.keys() ^ theirs.keys()) <= 4
