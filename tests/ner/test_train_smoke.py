"""Train a tiny model end to end (20 SciERC abstracts, a few epochs): the pipeline CI can afford."""

from pathlib import Path

import pytest
from datapaths import NO_THIRD_PARTY, THIRD_PARTY

from kg.errors import KgError
from kg.ner import LABELS, MODEL_LABELS, predict
from kg.ner.corpus import read_scierc
from kg.ner.model import load_path
from kg.ner.train import train

DATA = THIRD_PARTY
pytestmark = NO_THIRD_PARTY


def test_tiny_training_run_saves_a_model_that_predicts(tmp_path: Path) -> None:
    out = tmp_path / "model"
    result = train(
        out,
        seed=1,
        max_docs=20,
        data_dir=DATA,
        scirex_words=0,
        overrides={"training.max_epochs": 12, "training.eval_frequency": 20},
    )
    nlp = load_path(out)
    assert set(nlp.get_pipe("ner").labels) == set(MODEL_LABELS)  # type: ignore[attr-defined]
    assert nlp.meta["kg"]["seed"] == 1 and nlp.meta["kg"]["data"]["scierc_train_docs"] == 18
    assert result.dev is not None and result.dev.docs == 50
    # the abstracts it was trained on: something must come out, and only known labels
    texts = [" ".join(doc.words) for doc in list(read_scierc(DATA / "scierc" / "train.json"))[:20]]
    spans = [s for doc in predict(texts, nlp) for s in doc]
    assert spans and {s.label for s in spans} <= set(LABELS)


def test_training_refuses_to_wipe_a_folder_that_is_not_a_model(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(KgError, match="holds no spaCy model"):
        train(tmp_path, max_docs=4, data_dir=DATA, scirex_words=0, overrides={"training.max_epochs": 1})
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "keep me"
