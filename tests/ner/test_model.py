from pathlib import Path

import pytest

from kg.errors import KgError
from kg.ner import LABELS, MODEL_DIR, MODEL_LABELS, load_model, predict
from kg.ner.model import load_path

SENTENCE = "We propose LoRA, a low-rank adaptation method, and evaluate on SQuAD with F1."


def test_shipped_model_is_in_the_package_and_small() -> None:
    size = sum(f.stat().st_size for f in MODEL_DIR.rglob("*") if f.is_file())
    assert (MODEL_DIR / "meta.json").is_file()
    assert size <= 25 * 1024 * 1024


def test_shipped_model_loads_once_with_the_expected_labels() -> None:
    nlp = load_model()
    assert load_model() is nlp
    assert set(nlp.get_pipe("ner").labels) == set(MODEL_LABELS)  # type: ignore[attr-defined]
    assert nlp.meta["kg"]["scierc_dev"]["overall"]["f1"] > 0.4


def test_predict_finds_mentions_with_offsets_into_the_text() -> None:
    [spans] = predict([SENTENCE])
    assert spans
    for span in spans:
        assert span.label in LABELS
        assert SENTENCE[span.start_char : span.end_char] == span.text


def test_predict_returns_only_output_labels() -> None:
    text = "The features are syntactic constraints . This approach uses them ."  # auxiliary-label material
    nlp = load_model()
    assert {ent.label_ for ent in nlp(text).ents} - set(LABELS)  # the model does tag auxiliary labels...
    assert {s.label for s in predict([text])[0]} <= set(LABELS)  # ...predict leaves them out


def test_predict_keeps_text_order_and_handles_empty_input() -> None:
    texts = ["", SENTENCE, "Nothing to see."]
    results = predict(texts)
    assert len(results) == 3 and results[0] == []
    assert results[1] == predict([SENTENCE])[0]
    assert predict([]) == []


def test_shipped_tokenizer_keeps_hyphenated_names_whole() -> None:
    assert "low-rank" in [t.text for t in load_model().tokenizer(SENTENCE)]


def test_a_folder_without_a_model_is_a_readable_error(tmp_path: Path) -> None:
    with pytest.raises(KgError, match="kg train-ner"):
        load_path(tmp_path)
