"""Resolving a batch against only the stored entities it can reach gives the same answer as against all of them."""

from __future__ import annotations

import json

import pytest
from _storekit import MakeStore
from datapaths import SEED_PAPERS

from kg.extract import extract_corpus
from kg.pipeline import ingest
from kg.records import Paper
from kg.resolve.resolver import Resolver, lookup_keys

SEED = SEED_PAPERS


@pytest.fixture(scope="module")
def seed_batches() -> tuple[list[Paper], list[object], list[Paper], list[object]]:
    if not SEED.exists():
        pytest.skip("shared seed corpus not present")
    papers = [Paper(**json.loads(line)) for line in SEED.read_text(encoding="utf-8").splitlines()]
    records = list(extract_corpus(papers))
    half = len(papers) // 2
    return papers[:half], records[:half], papers[half:], records[half:]


def test_the_subset_resolves_a_batch_like_the_whole_index(make_store: MakeStore, seed_batches) -> None:  # type: ignore[no-untyped-def]
    first_papers, first_records, _, second_records = seed_batches
    store = make_store()
    ingest(store, first_papers, first_records)
    everything = store.alias_index()
    subset = store.alias_index(lookup_keys(second_records))
    assert 0 < len(subset) < len(everything) // 2
    assert [e.key for e in subset] == [e.key for e in everything.subset(lookup_keys(second_records))]
    whole = Resolver(everything).resolve(second_records)
    part = Resolver(subset).resolve(second_records)
    assert part.entities == whole.entities
    assert {p: part.mentions(p) for p in part.papers} == {p: whole.mentions(p) for p in whole.papers}


def test_lookup_keys_cover_names_aliases_and_head_words() -> None:
    from kg.records import ExtractionRecord

    record = ExtractionRecord.model_validate(
        {
            "id": "p",
            "entities": [
                {"name": "BLEU score", "type": "Metric"},
                {"name": "LoRA", "aliases": ["Low-Rank Adaptation"]},
            ],
        }
    )
    assert {"bleuscore", "bleu", "lora", "lowrankadaptation"} <= lookup_keys([record])
