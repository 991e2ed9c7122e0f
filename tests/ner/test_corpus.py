import json
from pathlib import Path

import pytest

from kg.errors import RecordError
from kg.ner.corpus import merge_hyphens, read_annotated, read_scierc, read_scirex


def write_lines(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


SCIERC_DOC = {
    "doc_key": "D1",
    "sentences": [
        ["We", "use", "BERT", "-LRB-", "a", "model", "-RRB-", "."],
        ["It", "improves", "F1", "on", "SQuAD", "."],
    ],
    "ner": [[[2, 2, "Method"], [4, 5, "Generic"]], [[10, 10, "Metric"], [12, 12, "Material"], [8, 8, "Person"]]],
}


def test_merge_hyphens_joins_chains_and_maps_old_indices() -> None:
    words, index = merge_hyphens(["state", "-", "of", "-", "the", "-", "art", "on", "CIFAR", "-", "10"])
    assert words == ["state-of-the-art", "on", "CIFAR-10"]
    assert index == [0, 0, 0, 0, 0, 0, 0, 1, 2, 2, 2]


def test_merge_hyphens_leaves_dashes_between_punctuation_and_at_the_ends() -> None:
    words = ["(", "-", "x", ")", "-", "y", "-"]
    assert merge_hyphens(words)[0] == words


def test_scierc_inclusive_ends_become_exclusive_and_labels_are_mapped(tmp_path: Path) -> None:
    [doc] = read_scierc(write_lines(tmp_path / "d.json", [SCIERC_DOC]))
    assert doc.doc_id == "D1"
    assert doc.words[3] == "(" and doc.words[6] == ")"
    assert doc.spans == [(2, 3, "Method"), (4, 6, "Generic"), (10, 11, "Metric"), (12, 13, "Dataset")]


def test_scirex_chunks_keep_sentences_whole_and_remap_split_hyphens(tmp_path: Path) -> None:
    words = ["We", "test", "on", "CIFAR", "-", "10", ".", "Accuracy", "rises", "."]  # two sentences
    record = {
        "doc_id": "P",
        "words": words,
        "sentences": [[0, 7], [7, 10]],
        "ner": [[3, 6, "Material"], [7, 8, "Metric"], [0, 1, "Generic"]],
    }
    path = write_lines(tmp_path / "x.jsonl", [record])
    [one] = read_scirex(path, chunk_words=20)
    assert one.words[3] == "CIFAR-10"
    assert one.spans == [(3, 4, "Dataset"), (5, 6, "Metric")]
    first, second = read_scirex(path, chunk_words=7)
    assert (first.doc_id, second.doc_id) == ("P:0", "P:7")
    assert second.spans == [(0, 1, "Metric")]
    assert [d.words for d in read_annotated(path)] == [one.words]  # recognised as SciREX by its "words"


def test_scirex_drops_overlong_sentences(tmp_path: Path) -> None:
    record = {"words": ["a"] * 5 + ["b"] * 2, "sentences": [[0, 5], [5, 7]], "ner": [[0, 1, "Method"], [5, 6, "Task"]]}
    [doc] = read_scirex(write_lines(tmp_path / "x.jsonl", [record]), max_sentence=4)
    assert doc.words == ["b", "b"] and doc.spans == [(0, 1, "Task")]


def test_a_broken_line_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(SCIERC_DOC) + "\n{oops\n", encoding="utf-8")
    with pytest.raises(RecordError, match=r"bad.json:2"):
        list(read_scierc(path))


def test_a_span_outside_the_document_is_an_error(tmp_path: Path) -> None:
    bad = {**SCIERC_DOC, "ner": [[[2, 40, "Method"]], []]}
    with pytest.raises(RecordError, match="outside"):
        list(read_scierc(write_lines(tmp_path / "d.json", [bad])))
