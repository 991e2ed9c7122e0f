"""Extraction: papers in, gold-format ExtractionRecords out (rules over spaCy tokens)."""

from kg.extract.corpus_names import CorpusNames, collect_names
from kg.extract.extractor import extract_corpus, extract_paper

__all__ = ["CorpusNames", "collect_names", "extract_corpus", "extract_paper"]
