import spacy

from kg.extract.nlp import english
from kg.ner.tokenizer import keep_hyphenated_words

TEXT = "FER-YOLO-Mamba beats LoRA-XS (state-of-the-art) on CIFAR-10, a well-known benchmark."


def test_hyphenated_names_stay_one_token() -> None:
    nlp = keep_hyphenated_words(spacy.blank("en"))
    tokens = [t.text for t in nlp(TEXT)]
    assert {"FER-YOLO-Mamba", "LoRA-XS", "state-of-the-art", "CIFAR-10", "well-known"} <= set(tokens)


def test_tokens_match_the_extraction_pipeline() -> None:
    nlp = keep_hyphenated_words(spacy.blank("en"))
    assert [t.text for t in nlp(TEXT)] == [t.text for t in english()(TEXT)]
