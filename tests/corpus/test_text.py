from kg.corpus.text import clean_field, clean_text, collapse_whitespace, strip_controls, title_key


def test_strip_controls_keeps_newline_and_tab_drops_others():
    assert strip_controls("a\x00b\x07c\td\ne") == "abc\td\ne"


def test_strip_controls_turns_carriage_return_into_space_and_drops_invisibles():
    assert strip_controls("one\rtwo\ufeff\u200bthree") == "one twothree"


def test_strip_controls_drops_lone_surrogates():
    assert strip_controls("ok\ud800ay") == "okay"


def test_clean_text_nfc_normalises_and_keeps_non_ascii():
    decomposed = "Schro\u0308dinger 量子"
    assert clean_text(decomposed) == "Schrödinger 量子"
    assert len(clean_text(decomposed)) == len("Schrödinger 量子")


def test_collapse_whitespace_handles_newlines_and_nbsp():
    assert collapse_whitespace("  a \n\n b\u00a0\tc  ") == "a b c"


def test_clean_field_combines_cleaning_and_collapsing():
    assert clean_field("  Deep\x00 \r\n  Learning ") == "Deep Learning"


def test_title_key_ignores_case_spacing_punctuation_and_width():
    assert title_key("BERT: Pre-training  of Deep\nTransformers!") == "bert pre training of deep transformers"
    assert title_key("ＢＥＲＴ： pre‐training of deep transformers") == title_key(
        "bert: Pre-Training of Deep Transformers"
    )


def test_clean_field_reads_a_latex_tie_as_a_space():
    assert (
        clean_field("on the large MS~MARCO dataset, ~10% and Table~2")
        == "on the large MS MARCO dataset, ~10% and Table 2"
    )
