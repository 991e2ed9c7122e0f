"""kg.pipeline on both stores: skip unchanged papers, keep the corpus lexicon, re-link what a new name touches."""

from __future__ import annotations

from pathlib import Path

import pytest
from _storekit import MakeStore

from kg.errors import KgError
from kg.graph.model import MENTIONS, entity_node, paper_node
from kg.names.keys import entity_key
from kg.pipeline import ingest_sources, stored_lexicon
from kg.records import ExtractionRecord, Paper
from kg.store import Store

USER = Paper(
    id="a-1",
    title="Faster Dense Retrieval",
    abstract="We study dense retrieval. Our system improves recall over zorblat tuning on MS MARCO.",
)
DEFINER = Paper(
    id="b-1",
    title="Zorblat Tuning for Retrieval",
    abstract="We propose Zorblat Tuning (ZT), a parameter-efficient fine-tuning method. ZT outperforms LoRA on BEIR.",
)
BYSTANDER = Paper(
    id="c-1",
    title="Image Classification at Scale",
    abstract="We train ResNet-50 on ImageNet and report top-1 accuracy.",
)


def _mentions(store: Store, paper: Paper) -> set[str]:
    g = store.graph()
    return {v for _, v, d in g.out_edges(paper_node(paper.id), data=True) if d["type"] == MENTIONS}


def _run(store: Store, *papers: Paper, **options: object) -> object:
    return ingest_sources(store, lambda: list(papers), **options)  # type: ignore[arg-type]


def test_a_name_defined_later_re_links_the_stored_papers_that_use_it(make_store: MakeStore) -> None:
    store = make_store()
    first = _run(store, USER, BYSTANDER)
    assert (first.loaded, first.relinked) == (2, 0)
    assert entity_node("zt") not in _mentions(store, USER)

    second = _run(store, DEFINER)
    assert (second.loaded, second.relinked) == (1, 1)  # the user paper, not the bystander
    assert second.new_names == 2  # "ZT" and "Zorblat Tuning"
    assert entity_node("zt") in _mentions(store, USER)
    assert entity_node("zt") in _mentions(store, DEFINER)


def test_the_same_papers_again_cost_nothing(make_store: MakeStore) -> None:
    store = make_store()
    _run(store, USER, DEFINER, BYSTANDER)
    stats = store.stats()
    again = _run(store, USER, DEFINER, BYSTANDER)
    assert (again.unchanged, again.loaded, again.relinked, again.new_names) == (3, 0, 0, 0)
    assert store.stats() == stats
    forced = _run(store, USER, DEFINER, BYSTANDER, force=True)
    assert forced.loaded == 3 and store.stats() == stats


def test_the_lexicon_is_kept_with_the_papers_and_leaves_with_them(make_store: MakeStore) -> None:
    store = make_store()
    _run(store, DEFINER, BYSTANDER)
    lexicon = stored_lexicon(store)
    assert {"ZT", "Zorblat Tuning"} <= lexicon.names
    assert lexicon.short_for("zorblat tuning") == "ZT"
    store.delete_paper(DEFINER.id)
    assert "ZT" not in stored_lexicon(store).names


def test_papers_mentioning_compares_word_sequences(make_store: MakeStore) -> None:
    store = make_store()
    xs = Paper(id="x-1", title="Tiny adapters", abstract="We compare with LoRA-XS and report accuracy.")
    plain = Paper(id="x-2", title="Adapters", abstract="We compare with LoRA and report accuracy.")
    _run(store, xs, plain, BYSTANDER)
    assert [p.id for p in store.papers_mentioning(["lora xs"])] == ["x-1"]
    assert [p.id for p in store.papers_mentioning(["LoRA"])] == ["x-1", "x-2"]
    assert [p.id for p in store.papers_mentioning(['Res"Net', "ImageNet"])] == ["c-1"]  # quotes are escaped
    assert store.papers_mentioning(["--", ""]) == []
    found = store.papers_mentioning(["ResNet-50"])[0]
    assert found == BYSTANDER.model_copy(update={"source": found.source})


def test_precomputed_records_are_used_and_must_cover_every_new_paper(make_store: MakeStore) -> None:
    store = make_store()
    record = ExtractionRecord(id=BYSTANDER.id, entities=[{"name": "ResNet-50", "type": "Model"}])
    with pytest.raises(KgError, match=r"no precomputed record for 1 papers, e\.g\. a-1"):
        _run(store, USER, BYSTANDER, records={BYSTANDER.id: record})
    assert store.stats()["nodes"] == {}  # nothing was written
    _run(store, BYSTANDER, records={BYSTANDER.id: record})
    assert _mentions(store, BYSTANDER) == {entity_node(entity_key("ResNet-50"))}


def test_a_failed_batch_leaves_the_embedded_file_as_it_was(tmp_path: Path) -> None:
    from kg.store import EmbeddedStore

    store = EmbeddedStore(tmp_path)
    _run(store, USER)
    before = (tmp_path / "graph.json").read_bytes()

    def broken() -> list[Paper]:
        raise RuntimeError("source vanished")

    with pytest.raises(RuntimeError):
        with store.deferred_writes():
            _run(store, DEFINER, BYSTANDER, batch_size=1)
            broken()
    assert (tmp_path / "graph.json").read_bytes() == before
    assert paper_node(DEFINER.id) not in store.graph()
