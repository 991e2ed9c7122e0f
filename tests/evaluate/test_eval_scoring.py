"""evaluate(): per-field micro scores and per-paper errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from _evalkit import GOLD_DEV, make_record

from kg.evaluate import FIELDS, evaluate, load_records
from kg.records import ExtractionRecord


@pytest.fixture
def gold_dev_path() -> Path:
    if not GOLD_DEV.exists():
        pytest.skip(f"gold dev set {GOLD_DEV} not available (set KG_GOLD_DEV)")
    return GOLD_DEV


def test_fields_named_exactly() -> None:
    assert FIELDS == (
        "proposed",
        "entities",
        "entities_typed",
        "evaluated_on",
        "tasks",
        "metrics",
        "baselines",
        "is_a",
        "extends",
        "outperforms",
        "outperforms_generic",
        "comparable",
    )


def test_gold_against_itself_is_perfect(gold_dev_path: Path) -> None:
    gold = load_records(gold_dev_path)
    report = evaluate(gold, gold)
    assert report.papers == len(gold) == 64
    assert list(report.fields) == list(FIELDS)
    for field, s in report.fields.items():
        assert s.tp > 0, field  # the check is not vacuous
        assert (s.fp, s.fn) == (0, 0), field
        assert s.precision == s.recall == s.f1 == 1.0, field
    assert report.errors == {}


def test_empty_prediction_has_zero_recall(gold_dev_path: Path) -> None:
    gold = load_records(gold_dev_path)
    empty = {pid: ExtractionRecord(id=pid) for pid in gold}
    report = evaluate(gold, empty)
    for field, s in report.fields.items():
        assert s.tp == 0 and s.fn > 0 and s.recall == 0.0 and s.f1 == 0.0, field
    assert report.missing == []


def test_alias_match_entities_and_relations() -> None:
    gold = make_record(
        entities=[("LoRA", ["Low-Rank Adaptation"]), ("SFT", ["sparse fine-tuning"])],
        baselines=["LoRA"],
        outperforms=[{"winner": "SFT", "loser": "LoRA"}],
    )
    pred = make_record(
        entities=[("Low-Rank Adaptation", []), ("sparse fine tuning", [])],
        baselines=["low rank adaptation"],
        outperforms=[{"winner": "sparse fine-tuning", "loser": "Low-Rank Adaptation"}],
    )
    report = evaluate({"p1": gold}, {"p1": pred})
    for field in ("entities", "entities_typed", "baselines", "outperforms"):
        s = report.fields[field]
        assert (s.tp, s.fp, s.fn) == (len(gold.entities) if "entit" in field else 1, 0, 0), field


def test_relation_name_widened_through_pred_aliases() -> None:
    gold = make_record(entities=[("LoRA", [])], extends=[["SoRA", "LoRA"]])
    pred = make_record(entities=[("Low-Rank Adaptation", ["LoRA"])], extends=[["SoRA", "Low-Rank Adaptation"]])
    assert evaluate({"p1": gold}, {"p1": pred}).fields["extends"].tp == 1


def test_superscript_markup_matches() -> None:
    gold = make_record(proposed=[{"name": "S^{2}FT"}], entities=[("S^{2}FT", [])])
    pred = make_record(proposed=[{"name": "S2FT"}], entities=[("S2FT", [])])
    report = evaluate({"p1": gold}, {"p1": pred})
    assert report.fields["proposed"].tp == 1
    assert report.fields["entities"].tp == 1


def test_lora_and_lora_xs_do_not_match() -> None:
    gold = make_record(entities=[("LoRA", ["low-rank adaptation"])], baselines=["LoRA"])
    pred = make_record(entities=[("LoRA-XS", [])], baselines=["LoRA-XS"])
    report = evaluate({"p1": gold}, {"p1": pred})
    for field in ("entities", "baselines"):
        s = report.fields[field]
        assert (s.tp, s.fp, s.fn) == (0, 1, 1), field
    assert report.errors["p1"]["entities"].fp == ["LoRA-XS"]
    assert report.errors["p1"]["entities"].fn == ["LoRA"]


def test_duplicates_are_false_positives() -> None:
    gold = make_record(entities=[("LoRA", ["Low-Rank Adaptation"])], tasks=["retrieval"])
    pred = make_record(entities=[("LoRA", []), ("Low-Rank Adaptation", [])], tasks=["retrieval", "Retrieval"])
    report = evaluate({"p1": gold}, {"p1": pred})
    assert (report.fields["entities"].tp, report.fields["entities"].fp) == (1, 1)
    assert (report.fields["tasks"].tp, report.fields["tasks"].fp) == (1, 1)
    assert report.fields["tasks"].precision == 0.5 and report.fields["tasks"].recall == 1.0


def test_type_mismatch_counts_only_in_typed_field() -> None:
    gold = make_record(entities=[("BERT", [], "Method")])
    pred = make_record(entities=[("BERT", [], "Model")])
    report = evaluate({"p1": gold}, {"p1": pred})
    assert report.fields["entities"].tp == 1
    s = report.fields["entities_typed"]
    assert (s.tp, s.fp, s.fn) == (0, 1, 1)


def test_is_a_family_matching() -> None:
    gold = make_record(is_a=[["FER-YOLO-Mamba", "vision mamba models"], ["SFT", "parameter-efficient fine-tuning"]])
    pred = make_record(is_a=[["FER YOLO Mamba", "vision mamba"], ["SFT", "PEFT methods"]])
    s = evaluate({"p1": gold}, {"p1": pred}).fields["is_a"]
    assert (s.tp, s.fp, s.fn) == (1, 1, 1)


def test_pairs_need_both_sides_and_order() -> None:
    gold = make_record(extends=[["SoRA", "LoRA"]], outperforms=[{"winner": "A", "loser": "B"}])
    pred = make_record(extends=[["LoRA", "SoRA"]], outperforms=[{"winner": "A", "loser": "C"}])
    report = evaluate({"p1": gold}, {"p1": pred})
    assert report.fields["extends"].tp == 0 and report.fields["outperforms"].tp == 0


def test_comparable_is_unordered() -> None:
    gold = make_record(comparable=[{"a": "GeAR", "b": "bi-encoder"}])
    pred = make_record(comparable=[{"a": "bi-encoders", "b": "GeAR"}])
    s = evaluate({"p1": gold}, {"p1": pred}).fields["comparable"]
    assert (s.tp, s.fp, s.fn) == (1, 0, 0)


def test_generic_losers_scored_separately() -> None:
    gold = make_record(outperforms=[{"winner": "X", "loser": "other models", "loser_generic": True}])
    pred = make_record(
        outperforms=[
            {"winner": "X", "loser": "prior methods", "loser_generic": True},
            {"winner": "X", "loser": "other models", "loser_generic": False},
        ]
    )
    report = evaluate({"p1": gold}, {"p1": pred})
    g, o = report.fields["outperforms_generic"], report.fields["outperforms"]
    assert (g.tp, g.fp, g.fn) == (1, 0, 0)
    assert (o.tp, o.fp, o.fn) == (0, 1, 0)


def test_extra_pred_papers_ignored() -> None:
    gold = {"p1": make_record("p1", tasks=["retrieval"])}
    pred = {"p1": make_record("p1", tasks=["retrieval"]), "p2": make_record("p2", tasks=["ranking", "ner"])}
    report = evaluate(gold, pred)
    assert report.papers == 1 and report.ignored == 1
    s = report.fields["tasks"]
    assert (s.tp, s.fp, s.fn) == (1, 0, 0)
    assert "p2" not in report.errors


def test_missing_paper_counts_as_false_negatives() -> None:
    gold = {
        "p1": make_record("p1", tasks=["retrieval"]),
        "p2": make_record("p2", tasks=["ranking", "ner"], entities=[("BM25", [])]),
    }
    pred = {"p1": make_record("p1", tasks=["retrieval"])}
    report = evaluate(gold, pred)
    assert report.missing == ["p2"]
    assert (report.fields["tasks"].tp, report.fields["tasks"].fn) == (1, 2)
    assert report.fields["entities"].fn == 1
    assert report.errors["p2"]["tasks"].fn == ["ranking", "ner"]


def test_empty_field_on_both_sides_is_perfect_not_zero() -> None:
    report = evaluate({"p1": make_record()}, {"p1": make_record()})
    assert all(s.f1 == 1.0 for s in report.fields.values())
    report = evaluate({"p1": make_record()}, {"p1": make_record(tasks=["x"])})
    assert report.fields["tasks"].precision == 0.0 and report.fields["tasks"].f1 == 0.0
