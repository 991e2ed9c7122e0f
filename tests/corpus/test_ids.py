import hashlib

import pytest

from kg.corpus.ids import find_arxiv_id, is_arxiv_id, normalize_arxiv_id, paper_id, title_hash_id


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2106.09685", "2106.09685"),
        ("2106.09685v2", "2106.09685"),
        ("arXiv:2106.09685v12", "2106.09685"),
        ("ARXIV:0704.0001", "0704.0001"),
        ("hep-th/9901001v3", "hep-th/9901001"),
        ("math.GT/0309136", "math.GT/0309136"),
        ("http://arxiv.org/abs/2106.09685v2", "2106.09685"),
        ("https://arxiv.org/pdf/2106.09685v1.pdf", "2106.09685"),
        ("seed-001", None),
        ("2113.09685", None),  # month 13 is not an arXiv id
        ("12106.09685", None),
    ],
)
def test_normalize_arxiv_id(value, expected):
    assert normalize_arxiv_id(value) == expected
    assert is_arxiv_id(value) is (expected is not None)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://arxiv.org/abs/2106.09685v2", "2106.09685"),
        ("https://arxiv.org/pdf/2106.09685.pdf", "2106.09685"),
        ("https://huggingface.co/papers/2403.05530", "2403.05530"),
        ("http://arxiv.org/abs/hep-th/9901001v1", "hep-th/9901001"),
        ("https://example.org/cs/0112017", None),  # old style only trusted on arxiv.org
        ("https://doi.org/10.1145/3292500.3330701", None),
        ("https://example.org/paper", None),
    ],
)
def test_find_arxiv_id_in_url(url, expected):
    assert find_arxiv_id(url) == expected


def test_title_hash_id_is_prefixed_sha256_of_normalised_title():
    expected = "t-" + hashlib.sha256(b"attention is all you need").hexdigest()[:16]
    assert title_hash_id("Attention Is All You Need") == expected


def test_title_hash_id_stable_across_whitespace_case_and_punctuation():
    a = title_hash_id("Attention Is All You Need")
    assert title_hash_id("  attention   is all\nyou NEED.") == a
    assert title_hash_id("Attention is all you need!") == a
    assert title_hash_id("Attention Is Not All You Need") != a


def test_paper_id_prefers_explicit_id():
    assert paper_id("T", explicit="seed-001", url="https://arxiv.org/abs/2106.09685") == "seed-001"


def test_paper_id_normalises_explicit_arxiv_id():
    assert paper_id("T", explicit="arXiv:2106.09685v2") == "2106.09685"
    assert paper_id("T", explicit="http://arxiv.org/abs/2106.09685v2") == "2106.09685"


def test_paper_id_falls_back_to_url_then_title():
    assert paper_id("LoRA", url="https://arxiv.org/abs/2106.09685v2") == "2106.09685"
    assert paper_id("LoRA", url="https://example.org/lora") == title_hash_id("LoRA")
    assert paper_id("LoRA", explicit="   ") == title_hash_id("LoRA")
