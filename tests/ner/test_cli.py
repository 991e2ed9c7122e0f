"""`kg eval-ner` / `kg train-ner` as a user runs them."""

import json
import os
import subprocess
import sys
from pathlib import Path

DOC = {
    "doc_key": "d",
    "sentences": [["We", "use", "BERT", "on", "SQuAD", "."]],
    "ner": [[[2, 2, "Method"], [4, 4, "Material"]]],
}


def kg(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, env=env, timeout=120)


def test_eval_ner_prints_a_table_and_writes_json(tmp_path: Path) -> None:
    gold = tmp_path / "tiny.json"
    gold.write_text(json.dumps(DOC) + "\n", encoding="utf-8")
    proc = kg("eval-ner", str(gold), "--json", str(tmp_path / "scores.json"))
    assert proc.returncode == 0, proc.stderr
    assert "micro" in proc.stdout and "Dataset" in proc.stdout
    scores = json.loads((tmp_path / "scores.json").read_text(encoding="utf-8"))
    assert scores["overall"]["tp"] + scores["overall"]["fn"] == 2


def test_eval_ner_on_a_missing_file_is_one_red_line(tmp_path: Path) -> None:
    proc = kg("eval-ner", str(tmp_path / "nope.json"))
    assert proc.returncode == 1
    assert "error:" in proc.stderr and "Traceback" not in proc.stderr


def test_train_ner_refuses_a_folder_that_is_not_a_model(tmp_path: Path) -> None:
    (tmp_path / "keep.txt").write_text("x", encoding="utf-8")
    proc = kg("train-ner", "--out", str(tmp_path), "--max-docs", "4")
    assert proc.returncode == 1 and "holds no spaCy model" in proc.stderr
