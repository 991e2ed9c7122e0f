"""The spaCy pipeline extraction runs on: a blank English tokenizer plus a sentencizer.

No statistical model is needed (nothing is downloaded); hyphenated names such as
"FER-YOLO-Mamba" or "LoRA-XS" stay one token so name patterns see them whole.
"""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_suffix_regex


@cache
def english() -> Language:
    nlp = spacy.blank("en")
    tokenizer = nlp.tokenizer
    assert isinstance(tokenizer, Tokenizer)  # spacy.blank's rule-based one, whose rules are changed here
    infixes = [p for p in nlp.Defaults.infixes or () if not (isinstance(p, str) and "(?:-|" in p)]
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    # "… on ADE20K. Next …": a full stop after a name ending in a capital or digit ends the sentence
    suffixes = [*(nlp.Defaults.suffixes or ()), r"(?<=[A-Z0-9][A-Z0-9])\."]
    tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    # Of spaCy's ~1,350 special cases keep the abbreviations with a full stop ("e.g.", "et al.",
    # "vs."), which keep sentences whole; the contractions and emoticons cost four fifths of the
    # tokenizer's time and abstracts hardly use them.
    tokenizer.rules = {text: tokens for text, tokens in tokenizer.rules.items() if "." in text}
    nlp.add_pipe("sentencizer")
    return nlp
