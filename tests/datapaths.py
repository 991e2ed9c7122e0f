"""Where the tests' data lives: all of it in the repository, so a fresh clone tests itself.

The dev gold written for this project (``benchmarks/data/gold/``, a copy of ``shared/gold``) and
the 96 seed papers (``benchmarks/data/seed_papers.jsonl``) are committed; ``KG_GOLD_DEV`` and
``KG_SEED_PAPERS`` point elsewhere. Third-party data (SciERC, SciREX) is never committed: tests
that need it use ``THIRD_PARTY`` and skip with ``NO_THIRD_PARTY`` when it is absent.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "benchmarks" / "data"
GOLD_DEV = Path(os.environ.get("KG_GOLD_DEV", DATA / "gold" / "seed_dev.jsonl"))
GUIDELINE = DATA / "gold" / "GUIDELINE.md"
HELD_OUT = DATA / "seed_heldout_gold.jsonl"
SEED_PAPERS = Path(os.environ.get("KG_SEED_PAPERS", DATA / "seed_papers.jsonl"))
SHARED = ROOT.parent / "shared"
THIRD_PARTY = Path(os.environ.get("KG_NER_DATA", SHARED / "data"))
NO_THIRD_PARTY = pytest.mark.skipif(
    not (THIRD_PARTY / "scierc").is_dir(),
    reason=f"SciERC/SciREX are third-party data sets, never committed: not found at {THIRD_PARTY}",
)
