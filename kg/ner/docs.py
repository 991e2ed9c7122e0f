"""Turn AnnotatedDocs into spaCy Docs and DocBin files, the form spaCy's trainer reads."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from spacy.tokens import Doc, DocBin, Span
from spacy.util import filter_spans
from spacy.vocab import Vocab

from kg.ner.corpus import AnnotatedDoc


def to_doc(vocab: Vocab, annotated: AnnotatedDoc, with_entities: bool = True) -> Doc:
    """A Doc on the gold tokens; overlapping gold spans keep the longest (spaCy's NER is flat)."""
    doc = Doc(vocab, words=annotated.words)
    if with_entities:
        doc.ents = filter_spans([Span(doc, start, end, label=label) for start, end, label in annotated.spans])
    return doc


def write_docbin(docs: Iterable[AnnotatedDoc], path: Path, vocab: Vocab) -> int:
    """Write the docs with their entities to ``path``; return how many were written."""
    docbin = DocBin(attrs=["ORTH", "ENT_IOB", "ENT_TYPE"], store_user_data=False)
    count = 0
    for annotated in docs:
        docbin.add(to_doc(vocab, annotated))
        count += 1
    path.parent.mkdir(parents=True, exist_ok=True)
    docbin.to_disk(path)
    return count
