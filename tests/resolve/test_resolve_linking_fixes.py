"""Linking fixes the pair set (kg/data/linking_pairs.jsonl) showed were needed."""

import pytest
from _resolvekit import ent, rec

from kg.resolve import Resolver, match_key
from kg.resolve.clusters import is_cut_or_padded
from kg.resolve.senses import same_sense


def _linked(a: dict, b: dict) -> bool:
    resolution = Resolver().resolve([rec("p-a", a), rec("p-b", b)])
    key_a = resolution.key_for("p-a", a["name"])
    return key_a is not None and key_a == resolution.key_for("p-b", b["name"])


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("S$^2$FT", "S2FT"),
        ("$\\text{S}^2$FT", "S^{2}FT"),
        ("$k$NN-LM", "kNN-LM"),
        ("BERT$_{base}$", "BERT-base"),
        ("β-VAE", "beta-VAE"),
        ("$\\beta$-VAE", "β-VAE"),
        ("μP", "muP"),
        ("Mixtral 8×7B", "Mixtral 8x7B"),
        ("SQuAD v1.1", "SQuAD 1.1"),
        ("ColBERTv2", "ColBERT v2"),
        ("YOLOv3", "YOLO-v3"),
        ("layer normalisation", "layer normalization"),
        ("masked language modelling", "masked language modeling"),
        ("CNN/DailyMail", "CNN-DailyMail"),
    ],
)
def test_match_key_ignores_markup_symbols_and_spelling(a: str, b: str) -> None:
    assert match_key(a) == match_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("wav2vec", "wa2vec"),  # only a "v" before a final version number goes
        ("ColBERTv2", "ColBERT"),
        ("SQuAD 2.0", "SQuAD 1.1"),
        ("ViT-B/16", "ViT-B/32"),
        ("FCOS", "FCO"),
    ],
)
def test_match_key_keeps_what_makes_names_differ(a: str, b: str) -> None:
    assert match_key(a) != match_key(b)


@pytest.mark.parametrize(
    ("x", "y"),
    [
        ("generative adversarial networks", "generative adversarial nets"),
        ("rotary positional encoding", "rotary position embedding"),
        ("chain-of-thought prompting", "chain of thought"),
        ("low-rank adaptation", "low rank adapters"),
        ("supervised fine-tuning", "supervised finetuned"),
        ("masked image modeling", "masked image modelling"),
    ],
)
def test_same_sense(x: str, y: str) -> None:
    assert same_sense(x, y)


@pytest.mark.parametrize(
    ("x", "y"),
    [
        ("contrastive learning", "continual learning"),  # share the 4-letter prefix "cont"
        ("supervised fine-tuning", "sparse fine-tuning"),
        ("self-supervised learning", "semi-supervised learning"),
        ("domain adaptation", "data augmentation"),
        ("positional encoding", "prompt engineering"),
    ],
)
def test_different_senses(x: str, y: str) -> None:
    assert not same_sense(x, y)


def test_contrastive_and_continual_learning_are_two_senses_of_cl() -> None:
    assert not _linked(ent("CL", "contrastive learning"), ent("CL", "continual learning"))
    assert _linked(ent("CL", "continual learning"), ent("CL", "Continual Learning"))


def test_reworded_expansions_stay_one_sense() -> None:
    assert _linked(ent("GAN", "generative adversarial networks"), ent("GAN", "generative adversarial nets"))
    assert _linked(ent("RoPE", "rotary positional encoding"), ent("RoPE", "rotary position embedding"))


def test_a_metric_cutoff_is_a_word_of_its_own() -> None:
    assert is_cut_or_padded("nDCG", ["nDCG@10"])
    assert not is_cut_or_padded("NDCG@10", ["nDCG@10"])
    assert not _linked(ent("nDCG@10", "nDCG", type="Metric"), ent("nDCG", type="Metric"))


@pytest.mark.parametrize(
    ("a", "b", "typ"),
    [
        ("BLEU", "BLEU score", "Metric"),
        ("F1", "F1-score", "Metric"),
        ("GLUE", "GLUE benchmark", "Benchmark"),
        ("COCO", "COCO dataset", "Dataset"),
        ("BERT", "BERT model", "Method"),
        ("Adam", "Adam optimizer", "Method"),
        ("FCOS", "FCOS model", "Method"),
        ("COCO", "COCO test-dev", "Dataset"),
        ("MS MARCO", "MS MARCO dev set", "Dataset"),
    ],
)
def test_a_head_word_or_data_split_joins_the_proper_name(a: str, b: str, typ: str) -> None:
    assert _linked(ent(a, type=typ), ent(b, type=typ))


@pytest.mark.parametrize(
    ("a", "a_type", "b", "b_type"),
    [
        ("ranking", "Task", "ranking model", "Method"),  # not a proper name
        ("Mamba", "Method", "Mamba block", "Method"),  # a part, not a kind word
        ("CLIP", "Model", "CLIP loss", "Method"),
        ("Inception", "Model", "Inception score", "Metric"),  # different kinds never merge
        ("BERT", "Method", "BERT test", "Method"),  # split words only for data
    ],
)
def test_head_words_do_not_over_merge(a: str, a_type: str, b: str, b_type: str) -> None:
    assert not _linked(ent(a, type=a_type), ent(b, type=b_type))


def test_head_word_link_needs_one_target() -> None:
    # two senses of "SFT": "SFT model" could be either, so it joins neither
    resolution = Resolver().resolve(
        [
            rec("p-a", ent("SFT", "supervised fine-tuning")),
            rec("p-b", ent("SFT", "sparse fine-tuning")),
            rec("p-c", ent("SFT model")),
        ]
    )
    key_c = resolution.key_for("p-c", "SFT model")
    assert key_c not in {resolution.key_for("p-a", "SFT"), resolution.key_for("p-b", "SFT")}


def test_editions_spelled_out_forms_and_publishers_join_their_entity() -> None:
    """COCO 2015 is COCO (edition kept), WMT'14 is WMT 2014, CoNLL-2003 is not CoNLL-2012,
    Stanford NLI is SNLI, full FT is full fine-tuning, MS COCO is COCO."""
    from kg.records import Entity, ExtractionRecord
    from kg.resolve import resolve

    def record(pid: str, *entities: tuple[str, str]) -> ExtractionRecord:
        return ExtractionRecord(id=pid, title=pid, entities=[Entity(name=n, aliases=[], type=t) for n, t in entities])  # type: ignore[arg-type]

    resolution = resolve(
        [
            record(
                "p1",
                ("COCO", "Dataset"),
                ("WMT 2014", "Dataset"),
                ("CoNLL-2003", "Dataset"),
                ("SNLI", "Dataset"),
                ("full fine-tuning", "Method"),
            ),
            record(
                "p2",
                ("COCO 2015", "Dataset"),
                ("WMT'14", "Dataset"),
                ("CoNLL-2012", "Dataset"),
                ("Stanford NLI", "Dataset"),
                ("full FT", "Method"),
            ),
            record("p3", ("MS COCO", "Dataset"), ("SQuAD 2.0", "Dataset"), ("SQuAD", "Dataset")),
        ]
    )
    same = [
        ("p1", "COCO", "p2", "COCO 2015"),
        ("p1", "WMT 2014", "p2", "WMT'14"),
        ("p1", "SNLI", "p2", "Stanford NLI"),
        ("p1", "full fine-tuning", "p2", "full FT"),
        ("p1", "COCO", "p3", "MS COCO"),
    ]
    for a_paper, a, b_paper, b in same:
        assert resolution.key_for(a_paper, a) == resolution.key_for(b_paper, b), (a, b)
    assert resolution.key_for("p1", "CoNLL-2003") != resolution.key_for("p2", "CoNLL-2012")
    assert resolution.key_for("p3", "SQuAD 2.0") != resolution.key_for("p3", "SQuAD")
    coco = resolution.entities[resolution.key_for("p1", "COCO") or ""]
    assert coco.name == "COCO" and "COCO 2015" in coco.aliases  # the edition is kept
