"""The shipped held-out gold (benchmarks/data/seed_heldout_gold.jsonl) is well-formed and disjoint from the dev gold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from _evalkit import GOLD_DEV, SEED_PAPERS

from kg.evaluate.io import load_records

HELDOUT = Path(__file__).resolve().parents[2] / "benchmarks" / "data" / "seed_heldout_gold.jsonl"
SEED = SEED_PAPERS


def test_heldout_gold_loads_and_its_relations_name_its_entities() -> None:
    records = load_records(HELDOUT)
    assert len(records) == 32
    for record in records.values():
        names = {e.name for e in record.entities}
        for o in record.outperforms:
            assert o.winner in names, (record.id, o.winner)
            assert o.loser_generic or o.loser in names, (record.id, o.loser)
        for new, base in record.extends:
            assert {new, base} <= names, (record.id, new, base)


def test_heldout_gold_is_disjoint_from_dev_and_quotes_its_abstracts() -> None:
    if not GOLD_DEV.exists() or not SEED.exists():
        pytest.skip("shared/ gold and corpus are not beside this checkout")
    dev = load_records(GOLD_DEV)
    held = load_records(HELDOUT)
    assert not set(dev) & set(held)
    papers = {p["id"]: p for p in map(json.loads, SEED.read_text(encoding="utf-8").splitlines()) if p}
    for record in held.values():
        text = f"{papers[record.id]['title']}\n{papers[record.id]['abstract']}"
        for o in record.outperforms:
            assert o.evidence in text, (record.id, o.evidence)
