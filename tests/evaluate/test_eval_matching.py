"""Name normalisation and one-to-one matching rules."""

from __future__ import annotations

import pytest

from kg.evaluate import normalize, normalize_family
from kg.evaluate.matching import match_items


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("S^{2}FT", "S2FT"),
        ("Vision-Transformers", "vision transformer"),
        ("fine_tuning", "Fine-Tuning"),
        ("databases", "database"),
        ("approaches", "approach"),
        ("ＬｏＲＡ", "LoRA"),  # NFKC full-width
    ],
)
def test_normalize_equal(a: str, b: str) -> None:
    assert normalize(a) == normalize(b)


@pytest.mark.parametrize(("a", "b"), [("LoRA", "LoRA-XS"), ("loss", "los"), ("corpus", "corpu"), ("BERT", "RoBERTa")])
def test_normalize_different(a: str, b: str) -> None:
    assert normalize(a) != normalize(b)


def test_short_words_and_ss_us_is_keep_their_s() -> None:
    assert normalize("GPTs") == "gpt"  # 4 chars: plural dropped
    assert normalize("IRs") == "irs"  # 3 chars: kept
    assert normalize("class") == "class"
    assert normalize("analysis") == "analysis"


def test_family_drops_trailing_generic_words_only() -> None:
    assert normalize_family("vision mamba models") == normalize_family("vision mamba")
    assert normalize_family("low-rank adaptation methods") == normalize_family("low rank adaptation")
    assert normalize_family("PEFT methods") != normalize_family("parameter-efficient fine-tuning")
    assert normalize_family("models") == normalize_family("model")  # never emptied


def test_match_items_is_one_to_one_and_maximal() -> None:
    gold = ["a", "b"]
    # pred[0] fits both gold items, pred[1] only "a": plain greedy would strand pred[1].
    pred = [{"a", "b"}, {"a"}]
    pairs, missed, extra = match_items(gold, pred, lambda g, p: g in p)
    assert sorted(pairs) == [(0, 1), (1, 0)]
    assert missed == [] and extra == []


def test_match_items_duplicates_are_extra() -> None:
    pairs, missed, extra = match_items(["a"], ["a", "a"], lambda g, p: g == p)
    assert pairs == [(0, 0)] and missed == [] and extra == [1]
