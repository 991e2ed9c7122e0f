"""A statistical scientific NER (Method, Task, Metric, Dataset) trained on SciERC/SciREX, shipped in the package.

``predict`` and ``load_model`` need only spaCy and the files in kg/data/ner/model; training
(``kg.ner.train``) and scoring (``kg.ner.evaluate``) are imported on demand.
"""

from kg.ner.labels import AUXILIARY_LABELS, LABELS, MODEL_LABELS, map_label
from kg.ner.model import MODEL_DIR, EntitySpan, load_model, predict

__all__ = [
    "AUXILIARY_LABELS",
    "LABELS",
    "MODEL_DIR",
    "MODEL_LABELS",
    "EntitySpan",
    "load_model",
    "map_label",
    "predict",
]
