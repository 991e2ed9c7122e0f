import pytest

from kg.names.keys import entity_key, key_words, match_key


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("S^{2}FT", "S2FT"),
        ("FER-YOLO-Mamba", "fer yolo mamba"),
        ("FER_YOLO.Mamba", "fer-yolo-mamba"),
        ("bi-encoders", "bi encoder"),
        ("SSMs", "ssm"),
        ("LoRAs", "LoRA"),
        ("DETRs", "DETR"),
        ("Low-Rank  Adaptation", "low rank adaptation"),
        ("CNN / DM", "CNN/DM"),
        ("ＬｏＲＡ", "LoRA"),  # full-width letters fold under NFKC
        ("strategies", "strategy"),
        ("approaches", "approach"),
        ("relative position biases", "relative position bias"),
    ],
)
def test_equal_keys(a: str, b: str) -> None:
    assert entity_key(a) == entity_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("LoRA", "LoRA-XS"),
        ("LoRA", "LoRA-SB"),
        ("LoRA-XS", "LoRA-SB"),
        ("ColBERT", "ColBERTer"),
        ("BERT", "RoBERTa"),
        ("DETR", "Co-DETR"),
    ],
)
def test_distinct_names_keep_distinct_keys(a: str, b: str) -> None:
    assert entity_key(a) != entity_key(b)
    assert match_key(a) != match_key(b)


@pytest.mark.parametrize("word", ["loss", "focus", "analysis", "bus", "series", "physics", "bias"])
def test_words_ending_in_s_that_are_not_plural_stay(word: str) -> None:
    assert entity_key(word) == word


@pytest.mark.parametrize("name", ["FCOS", "LoRA-XS", "GPT-4s"])
def test_capital_or_digit_before_s_is_not_a_plural(name: str) -> None:
    assert entity_key(name).endswith("s")


def test_keys_are_readable_and_deterministic() -> None:
    assert entity_key("S^{2}FT") == "s2ft"
    assert entity_key("FER-YOLO-Mamba") == "fer yolo mamba"
    assert entity_key("Parameter-Efficient Fine-Tuning") == "parameter efficient fine tuning"
    assert [entity_key("Bi-Encoders") for _ in range(3)] == ["bi encoder"] * 3
    assert entity_key("  ") == ""


def test_match_key_joins_open_and_closed_compounds() -> None:
    assert match_key("fine-tuning") == match_key("finetuning")
    assert match_key("BM-25") == match_key("BM25")
    assert match_key("Faster R-CNN") == match_key("Faster RCNN")
    assert entity_key("BM-25") != entity_key("BM25")


def test_key_words() -> None:
    assert key_words("Top-1 Accuracies") == ["top", "1", "accuracy"]
