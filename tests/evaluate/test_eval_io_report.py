"""load_records errors, JSON shape and rich rendering."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from _evalkit import make_record
from rich.console import Console

from kg.errors import RecordError, SourceError
from kg.evaluate import FIELDS, evaluate, load_records, render_errors, render_table

GOOD = json.dumps({"id": "p1", "tasks": ["retrieval"]})


def test_load_records_reads_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "g.jsonl"
    path.write_text(GOOD + "\n\n" + json.dumps({"id": "p2"}) + "\n", encoding="utf-8")
    recs = load_records(path)
    assert list(recs) == ["p1", "p2"] and recs["p1"].tasks == ["retrieval"]


@pytest.mark.parametrize(
    ("bad", "reason"),
    [
        ("{not json", "invalid JSON"),
        ("[1, 2]", "expected a JSON object"),
        (json.dumps({"title": "no id"}), "id"),
        (json.dumps({"id": "p9", "is_a": [["only one"]]}), "is_a"),
        (GOOD, "duplicate id 'p1' (first on line 1)"),
    ],
)
def test_bad_line_names_file_line_and_reason(tmp_path: Path, bad: str, reason: str) -> None:
    path = tmp_path / "p.jsonl"
    path.write_text(GOOD + "\n\n" + bad + "\n", encoding="utf-8")
    with pytest.raises(RecordError) as info:
        load_records(path)
    assert str(info.value).startswith(f"{path}:3: ")
    assert reason in str(info.value)
    assert info.value.line == 3


def test_missing_file_is_source_error(tmp_path: Path) -> None:
    with pytest.raises(SourceError):
        load_records(tmp_path / "nope.jsonl")


def _sample_report():
    gold = {"p1": make_record(entities=[("LoRA", [])], tasks=["retrieval"]), "p2": make_record("p2", tasks=["ner"])}
    pred = {"p1": make_record(entities=[("LoRA-XS", [])], tasks=["retrieval"])}
    return evaluate(gold, pred)


def test_json_shape() -> None:
    out = _sample_report().to_json()
    assert json.loads(json.dumps(out)) == out
    assert set(out) == {"papers", "fields", "errors", "missing", "ignored"}
    assert out["papers"] == 2 and out["missing"] == ["p2"]
    assert list(out["fields"]) == list(FIELDS)
    for s in out["fields"].values():
        assert set(s) == {"tp", "fp", "fn", "precision", "recall", "f1"}
    assert out["fields"]["tasks"] == {
        "tp": 1,
        "fp": 0,
        "fn": 1,
        "precision": 1.0,
        "recall": 0.5,
        "f1": pytest.approx(2 / 3),
    }
    assert out["errors"]["p1"]["entities"] == {"fp": ["LoRA-XS"], "fn": ["LoRA"]}
    assert out["errors"]["p2"]["tasks"] == {"fp": [], "fn": ["ner"]}


def test_render_table_lists_every_field() -> None:
    console = Console(record=True, width=120)
    console.print(render_table(_sample_report()))
    text = console.export_text()
    for field in FIELDS:
        assert field in text
    assert "0.500" in text  # tasks recall
    for col in ("P", "R", "F1", "tp", "fp", "fn"):
        assert col in text


def test_render_errors_lists_fp_and_fn_per_paper() -> None:
    console = Console(record=True, width=120)
    render_errors(_sample_report(), console)
    lines = console.export_text().splitlines()
    assert any("p1" in ln for ln in lines) and any("p2" in ln and "missing" in ln for ln in lines)
    assert any("entities" in ln and "FP" in ln and "LoRA-XS" in ln for ln in lines)
    assert any("entities" in ln and "FN" in ln and ln.rstrip().endswith("LoRA") for ln in lines)
    assert any("tasks" in ln and "FN" in ln and "ner" in ln for ln in lines)
