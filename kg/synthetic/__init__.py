"""Synthetic, clearly labelled papers ("syn-<n>") with gold records: correctness and load tests at any scale.

Nothing here is real research: method names are invented, claims are random. Real family, task,
dataset and metric names from the shipped taxonomy and lexicon are mixed in so that abstracts read
like real ones and entity linking across papers matters.
"""

from kg.synthetic.compose import SyntheticPaper
from kg.synthetic.generate import generate, generate_labelled
from kg.synthetic.sentences import TEMPLATE_FAMILIES
from kg.synthetic.writer import GOLD_FILE, PAPERS_FILE, write_corpus

__all__ = [
    "GOLD_FILE",
    "PAPERS_FILE",
    "TEMPLATE_FAMILIES",
    "SyntheticPaper",
    "generate",
    "generate_labelled",
    "write_corpus",
]
