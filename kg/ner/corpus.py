"""Read SciERC and SciREX into one neutral shape: tokens plus labelled token spans.

Both corpora come pre-tokenised. Their tokens are kept (so scores use the gold tokenisation,
as published results do), with two repairs so they look like what kg's tokenizer produces on
raw text: Penn-Treebank escapes (-LRB-, ``) become the characters they stand for, and SciREX's
split hyphens ("CIFAR - 10", "state - of - the - art") are joined back into one token the way
kg.extract.nlp keeps "LoRA-XS" whole.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.corpus.jsonl import json_problem
from kg.errors import RecordError
from kg.ner.labels import Corpus, map_label

PTB_ESCAPES: dict[str, str] = {
    "-LRB-": "(",
    "-RRB-": ")",
    "-LSB-": "[",
    "-RSB-": "]",
    "-LCB-": "{",
    "-RCB-": "}",
    "``": '"',
    "''": '"',
}


@dataclass(frozen=True)
class AnnotatedDoc:
    """Tokens and their entity spans as (start, end, label), end exclusive, labels already mapped."""

    doc_id: str
    words: list[str]
    spans: list[tuple[int, int, str]] = field(default_factory=list)

    @property
    def n_words(self) -> int:
        return len(self.words)


def _records(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise RecordError(str(path), number, f"not JSON ({json_problem(exc)})") from None
            if not isinstance(record, dict):
                raise RecordError(str(path), number, "expected a JSON object per line")
            yield number, record


def _mapped(corpus: Corpus, start: int, end: int, label: str) -> tuple[int, int, str] | None:
    mapped = map_label(corpus, label)
    return (start, end, mapped) if mapped is not None else None


def _scierc_doc(record: dict[str, Any]) -> AnnotatedDoc:
    words = [PTB_ESCAPES.get(w, w) for sentence in record["sentences"] for w in sentence]
    spans = []
    for sentence in record["ner"]:
        for start, end, label in sentence:  # document offsets, end inclusive
            if not 0 <= start <= end < len(words):
                raise ValueError(f"span [{start}, {end}] outside the {len(words)} tokens")
            if (span := _mapped("scierc", start, end + 1, label)) is not None:
                spans.append(span)
    return AnnotatedDoc(str(record.get("doc_key", "")), words, spans)


def read_scierc(path: Path) -> Iterator[AnnotatedDoc]:
    """One AnnotatedDoc per SciERC document (an abstract), labels mapped, dropped labels gone."""
    for number, record in _records(path):
        try:
            yield _scierc_doc(record)
        except (KeyError, TypeError, ValueError) as exc:
            raise RecordError(str(path), number, f"not a SciERC document ({exc!r})") from None


def _wordish(token: str) -> bool:
    return any(ch.isalnum() for ch in token)


def merge_hyphens(words: list[str]) -> tuple[list[str], list[int]]:
    """Join "A - B" into "A-B"; return the new tokens and each old token's new index."""
    out: list[str] = []
    index: list[int] = []
    glue = False
    for i, word in enumerate(words):
        if glue:
            out[-1] += word
            glue = False
        elif word == "-" and out and _wordish(out[-1]) and i + 1 < len(words) and _wordish(words[i + 1]):
            out[-1] += word
            glue = True
        else:
            out.append(word)
        index.append(len(out) - 1)
    return out, index


def _scirex_chunks(record: dict[str, Any], chunk_words: int, max_sentence: int) -> Iterator[AnnotatedDoc]:
    words: list[str] = record["words"]
    entities = sorted((s, e, label) for s, e, label in record["ner"])  # end exclusive
    chunks: list[tuple[int, int]] = []
    for start, end in record["sentences"]:
        if end - start > max_sentence:  # tables and run-on extraction debris
            continue
        if chunks and chunks[-1][1] == start and end - chunks[-1][0] <= chunk_words:
            chunks[-1] = (chunks[-1][0], end)
        else:
            chunks.append((start, end))
    for lo, hi in chunks:
        merged, index = merge_hyphens([PTB_ESCAPES.get(w, w) for w in words[lo:hi]])
        spans = []
        for s, e, label in entities:
            if not (lo <= s < e <= hi):  # outside this chunk, or crossing its edge
                continue
            if (span := _mapped("scirex", index[s - lo], index[e - 1 - lo] + 1, label)) is not None:
                spans.append(span)
        yield AnnotatedDoc(f"{record.get('doc_id', '')}:{lo}", merged, spans)


def read_scirex(path: Path, chunk_words: int = 120, max_sentence: int = 150) -> Iterator[AnnotatedDoc]:
    """SciREX papers cut into runs of whole sentences of at most ``chunk_words`` tokens each."""
    for number, record in _records(path):
        try:
            yield from _scirex_chunks(record, chunk_words, max_sentence)
        except (KeyError, TypeError, ValueError) as exc:
            raise RecordError(str(path), number, f"not a SciREX document ({exc!r})") from None


def read_annotated(path: Path) -> Iterator[AnnotatedDoc]:
    """Read a SciERC file, or a SciREX file (recognised by its ``words`` key), lazily."""
    first = next((record for _, record in _records(path)), None)
    reader = read_scirex if first is not None and "words" in first else read_scierc
    return reader(path)
