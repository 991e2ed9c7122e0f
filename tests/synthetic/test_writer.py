import json
from pathlib import Path

from kg.corpus import read_papers
from kg.evaluate import load_records
from kg.synthetic import generate, write_corpus


def test_write_corpus_writes_papers_and_gold_side_by_side(tmp_path: Path) -> None:
    papers_path, gold_path = write_corpus(tmp_path / "syn", 30, seed=4)
    assert papers_path.parent == gold_path.parent == tmp_path / "syn"
    assert all(json.loads(line)["synthetic"] is True for line in papers_path.read_text().splitlines())
    expected = list(generate(30, seed=4))
    read = list(read_papers([papers_path]))
    assert [(p.id, p.title, p.abstract) for p in read] == [(p.id, p.title, p.abstract) for p, _ in expected]
    assert load_records(gold_path) == {r.id: r for _, r in expected}
