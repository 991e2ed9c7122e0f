"""The size half of the per-paper ingest budget, checked on the raw text before spaCy ever sees it.

spaCy refuses texts over ``nlp.max_length`` (one exception for the whole file) and its tokenizer is
quadratic in a long whitespace-free chunk ("((((…"), so size is judged here with plain string scans
that are linear in the text: characters, the longest run without whitespace, sentence ends. The
time half (a deadline inside extraction) and the names-per-sentence cap live in ``kg.extract.budget``.
"""

from __future__ import annotations

import re
from functools import cache

from kg.config import Budget, default_budget
from kg.errors import BudgetError
from kg.records import Paper

_RUN = re.compile(r"\S+")


def paper_text(title: str, abstract: str) -> str:
    """The text extraction reads (``kg.extract.document.PaperText``): title, newline, abstract."""
    return f"{title.strip()}\n{abstract.strip()}"


@cache
def _sentence_end() -> re.Pattern[str]:
    """A sentence ends where spaCy's sentencizer would end one: a run of its punctuation not followed by a
    lower-case letter or a digit ("e.g.", "3.5" and "arxiv.org" end nothing). An estimate that errs high.
    Built on first use, so reading papers does not import spaCy."""
    from spacy.pipeline import Sentencizer

    punct = "".join(re.escape(c) for c in Sentencizer.default_punct_chars)
    return re.compile(rf"[{punct}]+(?![^\W_A-Z])")


def sentence_count(text: str) -> int:
    """Sentences as counted before tokenizing: one for the title line plus one per sentence end."""
    return 1 + sum(1 for _ in _sentence_end().finditer(text))


def longest_run(text: str) -> int:
    """Length of the longest stretch of text without whitespace."""
    return max((m.end() - m.start() for m in _RUN.finditer(text)), default=0)


def size_problem(title: str, abstract: str, budget: Budget | None = None) -> str | None:
    """Why a paper's text is over the size budget, in one line; None when it is within it."""
    budget = budget or default_budget()
    text = paper_text(title, abstract)
    if len(text) > budget.chars:
        return f"over the size budget: {len(text):,} characters of title and abstract (limit {budget.chars:,})"
    run = longest_run(text)
    if run > budget.run_chars:
        return f"over the size budget: {run:,} characters without whitespace (limit {budget.run_chars:,})"
    sentences = sentence_count(text)
    if sentences > budget.sentences:
        return f"over the size budget: {sentences:,} sentences (limit {budget.sentences:,})"
    return None


def where(paper: Paper) -> tuple[str, int | None]:
    """(file, line) a paper was read from, from its ``source`` ("path:line"); the id when unknown."""
    source, _, line = (paper.source or "").rpartition(":")
    if source and line.isdigit():
        return source, int(line)
    return paper.source or f"paper {paper.id}", None


def budget_error(paper: Paper, reason: str) -> BudgetError:
    """The skip note for ``paper``: its file and line, and why."""
    source, line = where(paper)
    return BudgetError(source, line, reason)


def check_size(paper: Paper, budget: Budget | None = None) -> BudgetError | None:
    """The BudgetError that skips ``paper`` for its size, or None when it fits."""
    reason = size_problem(paper.title, paper.abstract, budget)
    return budget_error(paper, reason) if reason else None
