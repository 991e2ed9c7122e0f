"""The tokenizer rule the NER shares with kg.extract.nlp: hyphenated words stay one token.

Training data is pre-tokenised that way (kg.ner.corpus joins SciREX's split hyphens), so the
saved model must tokenize raw text the same way. spaCy stores infix rules with the model, so
this runs once before saving and nothing is needed at load time. Kept here rather than
imported from kg.extract so kg.extract can use kg.ner without an import cycle.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex


def keep_hyphenated_words(nlp: Language) -> Language:
    """Drop the infix rule that splits on hyphens between letters ("LoRA-XS" stays whole)."""
    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):
        raise TypeError(f"{nlp.lang} pipeline has a custom tokenizer, without infix rules to change")
    infixes = [p for p in nlp.Defaults.infixes or () if not (isinstance(p, str) and "(?:-|" in p)]
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    return nlp
