import pytest

from kg.ner.labels import AUXILIARY_LABELS, LABEL_MAPS, LABELS, MODEL_LABELS, map_label


def test_the_output_labels_are_what_the_graph_stores() -> None:
    assert set(LABELS) == {"Method", "Task", "Metric", "Dataset"}
    assert set(MODEL_LABELS) == set(LABELS) | set(AUXILIARY_LABELS)
    assert not set(LABELS) & set(AUXILIARY_LABELS)


@pytest.mark.parametrize("corpus", ["scierc", "scirex"])
def test_material_becomes_dataset_in_both_corpora(corpus: str) -> None:
    assert map_label(corpus, "Material") == "Dataset"  # type: ignore[arg-type]
    for label in ("Method", "Task", "Metric"):
        assert map_label(corpus, label) == label  # type: ignore[arg-type]


def test_scierc_only_labels_are_kept_as_auxiliary() -> None:
    assert {map_label("scierc", "OtherScientificTerm"), map_label("scierc", "Generic")} == set(AUXILIARY_LABELS)


@pytest.mark.parametrize(("corpus", "label"), [("scierc", "Person"), ("scirex", "Generic"), ("scirex", "method")])
def test_unknown_labels_are_dropped(corpus: str, label: str) -> None:
    assert map_label(corpus, label) is None  # type: ignore[arg-type]


def test_every_mapping_lands_in_the_model_label_set() -> None:
    assert {target for mapping in LABEL_MAPS.values() for target in mapping.values()} == set(MODEL_LABELS)
