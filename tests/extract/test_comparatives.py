"""Real-shaped comparative sentences, one per phrasing issue #14 names, and their negations.

Each abstract proposes a method (named in the title) and states one comparison; the test reads
the extraction record's OUTPERFORMS and COMPARABLE_TO pairs. A parity sentence, a negated claim
or a contrast without a win must never give an OUTPERFORMS edge.
"""

from __future__ import annotations

import pytest

from kg.extract.claims import margin_in
from kg.extract.extractor import MODE_ENV, extract_paper
from kg.records import Paper

INTRO = "We propose ZetaTune, a parameter-efficient fine-tuning method for large language models. "


def _claims(sentence: str) -> tuple[set[tuple[str, str]], set[frozenset[str]]]:
    paper = Paper(id="c", title="ZetaTune: Efficient Fine-Tuning", abstract=INTRO + sentence)
    record = extract_paper(paper)
    wins = {(c.winner, c.loser) for c in record.outperforms if not c.loser_generic}
    ties = {frozenset((c.a, c.b)) for c in record.comparable}
    return wins, ties


WINS = {
    "verb": "ZetaTune outperforms LoRA on GLUE.",
    "better than": "ZetaTune can achieve better performance than LoRA with fewer training epochs.",
    "faster than": "ZetaTune converges faster than LoRA on GLUE.",
    "lags behind": "LoRA lags far behind ZetaTune on GLUE.",
    "compared with": "Compared with LoRA, ZetaTune improves accuracy by 3 points on GLUE.",
    "gains over": "ZetaTune yields gains of 3 points over LoRA on GLUE.",
    "pronoun": "It surpasses LoRA on GLUE by a large margin.",
    "passive": "LoRA is outperformed by ZetaTune on GLUE.",
    "coordination": "ZetaTune outperforms LoRA and AdaLoRA on GLUE.",
    "compared with, mid-sentence": (
        "Experiments demonstrate that, compared to LoRA, our method achieves higher accuracy on GLUE."
    ),
    "increases over": "ZetaTune increases accuracy by 4.2% over LoRA on GLUE.",
}


@pytest.mark.parametrize("mode", ["full", "fast"])
@pytest.mark.parametrize("phrasing", sorted(WINS))
def test_each_phrasing_gives_the_win(phrasing: str, mode: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(MODE_ENV, mode)
    wins, _ = _claims(WINS[phrasing])
    assert ("ZetaTune", "LoRA") in wins and ("LoRA", "ZetaTune") not in wins


TIES = {
    "comparable to": "ZetaTune is comparable to LoRA on GLUE.",
    "on par with": "ZetaTune performs on par with LoRA on GLUE.",
    "matches": "ZetaTune matches LoRA on GLUE while training fewer parameters.",
    "competitive with": "ZetaTune is competitive with LoRA on GLUE.",
    "competitive performance with": "It attains competitive performance with LoRA on GLUE.",
    "rivals": "ZetaTune is training-free and even rivals LoRA on GLUE.",
}


@pytest.mark.parametrize("mode", ["full", "fast"])
@pytest.mark.parametrize("phrasing", sorted(TIES))
def test_parity_is_comparable_never_a_win(phrasing: str, mode: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(MODE_ENV, mode)
    wins, ties = _claims(TIES[phrasing])
    assert not wins
    assert frozenset(("ZetaTune", "LoRA")) in ties


NO_WINS = {
    "negated verb": "ZetaTune does not outperform LoRA on GLUE.",
    "fails to": "ZetaTune fails to outperform LoRA on GLUE.",
    "closes the gap": "ZetaTune closes the gap to LoRA on GLUE.",
    "contrast without a win": "While LoRA updates low-rank matrices, ZetaTune updates sparse rows of each layer.",
}


@pytest.mark.parametrize("mode", ["full", "fast"])
@pytest.mark.parametrize("phrasing", sorted(NO_WINS))
def test_no_win_where_none_is_said(phrasing: str, mode: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(MODE_ENV, mode)
    wins, _ = _claims(NO_WINS[phrasing])
    assert ("ZetaTune", "LoRA") not in wins and ("LoRA", "ZetaTune") not in wins


@pytest.mark.parametrize(
    ("sentence", "loser", "margin"),
    [
        ("X outperforms BM25 by 44%, DR by 19% and docT5query by 11%.", "DR", "19%"),
        ("X outperforms BM25 by 44%, DR by 19% and docT5query by 11%.", "BM25", "44%"),
        ("X reaches 52.3 mAP vs 49.8 for Y.", "Y", "52.3 mAP vs 49.8"),
        ("X is 3.1x faster than Y.", "Y", "3.1x faster"),
        ("X gives a 2.3 points higher accuracy than Y.", "Y", "2.3 points higher"),
        ("X outperforms Y on GLUE.", "Y", ""),
    ],
)
def test_the_margin_nearest_the_loser(sentence: str, loser: str, margin: str) -> None:
    assert margin_in(sentence, loser) == margin


def test_a_claim_without_datasets_takes_the_papers_marked_inferred() -> None:
    paper = Paper(
        id="s",
        title="ZetaTune: Efficient Fine-Tuning",
        abstract=INTRO + "We evaluate ZetaTune on GLUE. ZetaTune outperforms LoRA by 3.2 points. "
        "On SuperGLUE, ZetaTune also outperforms AdaLoRA.",
    )
    claims = {c.loser: c for c in extract_paper(paper).outperforms}
    assert claims["LoRA"].on_inferred and "GLUE" in claims["LoRA"].on and claims["LoRA"].margin == "3.2 points"
    assert not claims["AdaLoRA"].on_inferred and claims["AdaLoRA"].on == ["SuperGLUE"]
