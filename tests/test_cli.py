"""The kg command end to end, as a user runs it: a real process, real files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from datapaths import GOLD_DEV, SEED_PAPERS

SEED = SEED_PAPERS
GOLD = GOLD_DEV


def kg(
    *args: str, data_dir: Path | None = None, check: bool = True, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "200", **(env or {})}
    if data_dir is not None:
        env["KG_DATA_DIR"] = str(data_dir)
    proc = subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, env=env, timeout=300)
    if check and proc.returncode != 0:
        raise AssertionError(f"kg {' '.join(args)} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    return proc


@pytest.fixture(scope="module")
def sample_graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data_dir = tmp_path_factory.mktemp("kg-data")
    kg("ingest", data_dir=data_dir)
    return data_dir


def test_ingest_of_the_bundled_sample_then_stats(sample_graph: Path) -> None:
    out = kg("stats", data_dir=sample_graph).stdout
    for label in ("Paper", "Method", "Dataset", "Family", "OUTPERFORMS", "IS_A", "SUBFAMILY_OF"):
        assert label in out
    assert "│ Paper     │    96 │" in out


def test_reingesting_the_same_papers_gives_the_identical_graph(sample_graph: Path, tmp_path: Path) -> None:
    before = (sample_graph / "graph.json").read_bytes()
    proc = kg("ingest", data_dir=sample_graph)
    assert "96 papers unchanged since the last ingest" in proc.stderr
    assert "loaded 0 papers" in proc.stderr
    assert (sample_graph / "graph.json").read_bytes() == before
    forced = kg("ingest", "--force", data_dir=sample_graph)
    assert "loaded 96 papers" in forced.stderr
    assert (sample_graph / "graph.json").read_bytes() == before


def test_export_in_every_format(sample_graph: Path, tmp_path: Path) -> None:
    kg("export", str(tmp_path / "g.json"), "--format", "json", data_dir=sample_graph)
    data = json.loads((tmp_path / "g.json").read_text())
    assert sum(1 for n in data["nodes"] if n.get("label") == "Paper") == 96
    kg("export", str(tmp_path / "g.graphml"), "--format", "graphml", data_dir=sample_graph)
    assert (tmp_path / "g.graphml").read_text().lstrip().startswith("<?xml")
    kg("export", str(tmp_path / "csv"), "--format", "csv", data_dir=sample_graph)
    header = (tmp_path / "csv" / "relationships.csv").read_text().splitlines()[0]
    assert "type" in header


def test_missing_source_is_one_clear_line(tmp_path: Path) -> None:
    proc = kg("ingest", str(tmp_path / "nope.jsonl"), data_dir=tmp_path / "d", check=False)
    assert proc.returncode == 1
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "nope.jsonl" in lines[0] and "Traceback" not in proc.stderr


def test_bad_records_are_reported_and_never_touch_what_is_stored(tmp_path: Path) -> None:
    data_dir = tmp_path / "d"
    good = tmp_path / "good.jsonl"
    good.write_text(
        json.dumps(
            {"id": "p1", "title": "LoRA-Q: a method", "abstract": "We propose LoRA-Q. LoRA-Q outperforms LoRA on GLUE."}
        )
        + "\n"
    )
    kg("ingest", str(good), data_dir=data_dir)
    before = (data_dir / "graph.json").read_bytes()
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "p2", "title": "No abstract"}\nnot json\n')
    proc = kg("ingest", str(bad), data_dir=data_dir, check=False)
    assert "bad.jsonl:1" in proc.stderr and "bad.jsonl:2" in proc.stderr
    assert "skipped 2" in proc.stderr
    assert (data_dir / "graph.json").read_bytes() == before


def test_changed_paper_replaces_only_its_own_claims(tmp_path: Path) -> None:
    data_dir = tmp_path / "d"
    src = tmp_path / "papers.jsonl"
    a = {"id": "a", "title": "Alpha: x", "abstract": "We propose Alpha. Alpha outperforms BERT on GLUE."}
    b = {"id": "b", "title": "Beta: y", "abstract": "We propose Beta. Beta outperforms RoBERTa on SQuAD."}
    src.write_text(json.dumps(a) + "\n" + json.dumps(b) + "\n")
    kg("ingest", str(src), data_dir=data_dir)
    b["abstract"] = "We propose Beta. Beta outperforms T5 on SQuAD."
    src.write_text(json.dumps(b) + "\n")
    kg("ingest", str(src), data_dir=data_dir)
    graph = json.loads((data_dir / "graph.json").read_text())
    claims = {(e["from"], e["to"]) for e in graph["edges"] if e.get("type") == "OUTPERFORMS"}
    assert ("Entity:alpha", "Entity:bert") in claims
    assert ("Entity:beta", "Entity:t5") in claims
    assert ("Entity:beta", "Entity:roberta") not in claims


@pytest.mark.skipif(not SEED.exists(), reason="shared/ corpus not beside the checkout")
def test_extract_then_eval_meets_the_dev_bars(tmp_path: Path) -> None:
    pred = tmp_path / "p.jsonl"
    kg("extract", str(SEED), "--out", str(pred))
    assert len(pred.read_text().splitlines()) == 96
    scores = tmp_path / "scores.json"
    proc = kg("eval", "--gold", str(GOLD), "--pred", str(pred), "--json", str(scores), "--errors")
    assert "outperforms" in proc.stdout
    fields = json.loads(scores.read_text())["fields"]
    assert fields["proposed"]["f1"] >= 0.85
    assert fields["outperforms"]["f1"] >= 0.60
    assert fields["entities"]["f1"] >= 0.60


def test_eval_linking_scores_the_shipped_pairs(tmp_path: Path) -> None:
    out = tmp_path / "linking.json"
    proc = kg("eval-linking", "--mode", "incremental", "--json", str(out))
    assert "Entity linking over" in proc.stdout and "(incremental)" in proc.stdout
    scores = json.loads(out.read_text(encoding="utf-8"))
    assert scores["mode"] == "incremental"
    assert scores["overall"]["f1"] >= 0.95


def test_ingest_relinks_a_stored_paper_when_a_later_one_defines_its_name(tmp_path: Path) -> None:
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    first.write_text(
        json.dumps(
            {
                "id": "a-1",
                "title": "Faster Dense Retrieval",
                "abstract": "We study dense retrieval. Our system improves recall over zorblat tuning.",
            }
        )
        + "\n"
    )
    second.write_text(
        json.dumps(
            {
                "id": "b-1",
                "title": "Zorblat Tuning for Retrieval",
                "abstract": "We propose Zorblat Tuning (ZT), a parameter-efficient fine-tuning method.",
            }
        )
        + "\n"
    )
    data = tmp_path / "kg-data"
    kg("ingest", str(first), data_dir=data)
    proc = kg("ingest", str(second), data_dir=data)
    assert "re-linked 1 stored papers" in proc.stderr and "loaded 1 papers" in proc.stderr
    again = kg("ingest", str(first), str(second), data_dir=data)
    assert "2 papers unchanged" in again.stderr and "loaded 0 papers" in again.stderr


def _attack_feed(tmp_path: Path) -> Path:
    """Issue #12's attack inputs among good records: a 1.25 MB abstract (line 2), 50,000 "(" (line 4),
    a 2,000-name comparison (line 6), and a dense abstract within every size cap that only the time
    budget stops (line 8)."""
    rivals = ", ".join(f"RivalNet-{i:04d}-Baseline" for i in range(1, 2001))
    names_2000 = f"We propose M0, a new method. M0 outperforms {rivals} on ImageNet."  # 48 KB
    dense, k = ["We propose M0."], 1
    for _ in range(20):  # 20 sentences of 95 names: ~12 KB, within every cap, ~60 s of rules unbounded
        dense.append(f"M{k + 95} outperforms " + ", ".join(f"M{k + i}" for i in range(95)) + ".")
        k += 96
    good = [
        {
            "id": f"g{i}",
            "title": f"Method{i}: a method",
            "abstract": f"We propose Method{i}. Method{i} outperforms LoRA on GLUE.",
        }
        for i in range(1, 6)
    ]
    huge = ("We study retrieval models and compare them on many benchmarks. " * 20_000)[:1_250_000]
    bad = [
        {"id": "huge", "title": "Huge", "abstract": huge},
        {"id": "parens", "title": "Parens", "abstract": "(" * 50_000},
        {"id": "names", "title": "M0: Beating Everything", "abstract": names_2000},
        {"id": "dense", "title": "Dense", "abstract": " ".join(dense)},
    ]
    records = [good[0], bad[0], good[1], bad[1], good[2], bad[2], good[3], bad[3], good[4]]
    path = tmp_path / "feed.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _skips(stderr: str, path: Path) -> list[str]:
    text = " ".join(stderr.split())  # rich wraps long lines
    return [part.split(" skipped ")[0].strip() for part in text.split(f"skipped {path}:")[1:]]


@pytest.mark.parametrize("workers", ["1", "2"])
def test_ingest_skips_papers_over_budget_with_file_line_and_reason(tmp_path: Path, workers: str) -> None:
    feed = _attack_feed(tmp_path)
    data_dir = tmp_path / "d"
    proc = kg("ingest", str(feed), "--workers", workers, data_dir=data_dir, env={"KG_BUDGET_SECONDS": "1"})
    skips = _skips(proc.stderr, feed)
    assert [s.split(":")[0] for s in skips] == ["2", "4", "6", "8"]
    assert "1,250,005 characters of title and abstract (limit 20,000)" in skips[0]
    assert "50,007 characters of title and abstract" in skips[1] and "48,078 characters" in skips[2]
    assert "over the time budget: extraction took more than 1 s (limit 1 s)" in skips[3]
    assert "read 6 papers, skipped 4 over budget (see errors)" in " ".join(proc.stderr.split())
    assert "loaded 5 papers" in proc.stderr
    graph = json.loads((data_dir / "graph.json").read_text())
    assert sorted(n["id"] for n in graph["nodes"] if n.get("label") == "Paper") == ["g1", "g2", "g3", "g4", "g5"]


@pytest.mark.parametrize("workers", ["1", "2"])
def test_extract_skips_papers_over_budget_and_writes_the_rest(tmp_path: Path, workers: str) -> None:
    feed = _attack_feed(tmp_path)
    out = tmp_path / "records.jsonl"
    proc = kg("extract", str(feed), "--out", str(out), "--workers", workers, env={"KG_BUDGET_SECONDS": "1"})
    assert [s.split(":")[0] for s in _skips(proc.stderr, feed)] == ["2", "4", "6", "8"]
    assert "wrote 5 records" in proc.stderr
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == ["g1", "g2", "g3", "g4", "g5"]


def test_an_input_file_without_records_is_one_warning_naming_it(tmp_path: Path) -> None:
    empty, blank = tmp_path / "empty.jsonl", tmp_path / "blank.txt"
    empty.write_text("")
    blank.write_text("\n\n")
    ingest = kg("ingest", str(empty), data_dir=tmp_path / "d")
    assert [line for line in ingest.stderr.splitlines() if "warning" in line] == [
        f"warning: {empty}: no records in this file"
    ]
    extract = kg("extract", str(blank), "--fast", "--out", str(tmp_path / "r.jsonl"))
    assert [line for line in extract.stderr.splitlines() if "warning" in line] == [
        f"warning: {blank}: no records in this file"
    ]
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps({"id": "p1", "title": "LoRA-Q: a method", "abstract": "We propose LoRA-Q."}) + "\n")
    assert "warning" not in kg("ingest", str(good), data_dir=tmp_path / "d").stderr


@pytest.mark.parametrize("store", ["embedded", "neo4j"])
def test_deleting_an_unknown_paper_is_an_error_naming_it(tmp_path: Path, store: str) -> None:
    data_dir = tmp_path / "d"
    if store == "embedded":
        src = tmp_path / "p.jsonl"
        src.write_text(json.dumps({"id": "p1", "title": "LoRA-Q: a method", "abstract": "We propose LoRA-Q."}) + "\n")
        kg("ingest", str(src), data_dir=data_dir)
    env = {"NEO4J_URI": os.environ.get("NEO4J_URI", "bolt://127.0.0.1:7687")}  # scripts/neo4j's server by default
    proc = kg("delete-paper", "no-such-paper", "--store", store, data_dir=data_dir, check=False, env=env)
    assert proc.returncode == 1, proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "no paper with id 'no-such-paper'" in lines[0], proc.stderr
    assert f"in the {store} store" in lines[0] and "Traceback" not in proc.stderr
    if store == "embedded":  # the paper it holds is deleted as before, and only once
        assert "deleted p1" in kg("delete-paper", "p1", data_dir=data_dir).stderr
        assert kg("delete-paper", "p1", data_dir=data_dir, check=False).returncode == 1
