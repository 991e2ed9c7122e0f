import re

import pytest

from kg.extract.alternation import prefix_tree_pattern


def _spans(body: str, text: str) -> list[str]:
    return [m.group() for m in re.finditer(r"(?<![\w-])" + body + r"(?![\w-])", text, re.I)]


def test_longest_phrase_wins_like_a_longest_first_alternation() -> None:
    phrases = ["low rank", "low rank adaptation", "low rank adaptation methods", "lora"]
    text = "We compare low rank adaptation methods, LoRA and other low rank tricks with low-rank adaptation."
    flat = "(?:" + "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True)) + ")"
    assert _spans(prefix_tree_pattern(phrases), text) == _spans(flat, text)
    assert _spans(prefix_tree_pattern(phrases), text) == ["low rank adaptation methods", "LoRA", "low rank"]


def test_char_pattern_and_tail_shape_each_phrase() -> None:
    body = prefix_tree_pattern(
        ["dense retriever", "adapter"],
        char_pattern=lambda c: r"[\s\-]*" if c == " " else re.escape(c),
        tail=lambda phrase: "s?" if " " in phrase else "",
    )
    assert _spans(body, "dense-retrievers beat an adapter; adapters lose") == ["dense-retrievers", "adapter"]


@pytest.mark.parametrize("phrases", [[], [""]])
def test_no_phrases_matches_nothing(phrases: list[str]) -> None:
    assert _spans(prefix_tree_pattern(phrases), "anything at all") == []


def test_phrases_with_regex_metacharacters_are_literal() -> None:
    assert _spans(prefix_tree_pattern(["c++", "a.b"]), "c++ and axb and a.b") == ["c++", "a.b"]
