import json
import random
from pathlib import Path

from kg.ner.corpus import AnnotatedDoc
from kg.ner.prepare import sample_scirex, training_sets


def chunk(i: int, words: int, entity: bool = True) -> AnnotatedDoc:
    return AnnotatedDoc(f"c{i}", ["w"] * words, [(0, 1, "Method")] if entity else [])


def test_sample_stays_within_the_word_budget_and_skips_empty_chunks() -> None:
    chunks = [chunk(i, 10 + i, entity=i % 3 != 0) for i in range(30)]
    taken = sample_scirex(chunks, 100, random.Random(0))
    assert taken and sum(c.n_words for c in taken) <= 100
    assert all(c.spans for c in taken)


def test_sample_is_reproducible_for_a_seed() -> None:
    chunks = [chunk(i, 10) for i in range(50)]
    ids = lambda seed: [c.doc_id for c in sample_scirex(chunks, 100, random.Random(seed))]  # noqa: E731
    assert ids(3) == ids(3) and ids(3) != ids(4)


def test_training_sets_hold_out_scierc_documents(tmp_path: Path) -> None:
    (tmp_path / "scierc").mkdir()
    docs = [{"doc_key": f"d{i}", "sentences": [["A", "B"]], "ner": [[[0, 0, "Method"]]]} for i in range(10)]
    (tmp_path / "scierc" / "train.json").write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    sets = training_sets(tmp_path, seed=0, max_docs=8)
    assert (sets.scierc_docs, len(sets.holdout), sets.scirex_chunks) == (7, 1, 0)
    assert {d.doc_id for d in sets.train} | {d.doc_id for d in sets.holdout} == {f"d{i}" for i in range(8)}
    assert sets.train_words == 14
    again = training_sets(tmp_path, seed=0, max_docs=8)
    assert [d.doc_id for d in again.train] == [d.doc_id for d in sets.train]
