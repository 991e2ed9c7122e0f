"""Settings from the environment (``KG_*``) with CLI flags layered on top, and the per-paper ingest budget."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Literal

from pydantic_settings import BaseSettings, SettingsConfigDict

StoreKind = Literal["embedded", "neo4j"]

# The per-paper ingest budget. A paper over any of these is skipped and reported with its file and
# line, like a malformed record; the rest of the file loads. The size caps are checked before spaCy
# sees the text, so nothing over them reaches the tokenizer. Largest values in the real corpora
# (arxiv_daily, 8,376 abstracts; blind_pool, 150; seed_papers, 96), for scale:
MAX_PAPER_CHARS = 20_000  # title + abstract, in characters; largest real: 2,286
MAX_SENTENCES = 200  # sentence ends counted before tokenizing (kg.corpus.budget); largest real: 23 (spaCy: 20)
MAX_RUN_CHARS = 300  # longest run without whitespace (spaCy's tokenizer is quadratic in one); largest real: 152
MAX_NAMES_PER_SENTENCE = 100  # distinct candidate name spans in one sentence; largest real: 23
PAPER_SECONDS = 5.0  # extraction time of one paper, checked cooperatively; slowest real: 0.1 s CPU


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="KG_", extra="ignore")

    data_dir: Path = Path("kg-data")
    store: StoreKind = "embedded"


class Budget(BaseSettings):
    """The per-paper ingest budget; each limit can be raised or lowered by ``KG_BUDGET_<FIELD>``.

    Why a budget: one pathological abstract (thousands of rivals in one sentence, a 1 MB record, a
    50,000-character token) must cost one skipped paper, not the whole run's time or memory.
    """

    model_config = SettingsConfigDict(env_prefix="KG_BUDGET_", extra="ignore", frozen=True)

    chars: int = MAX_PAPER_CHARS
    sentences: int = MAX_SENTENCES
    run_chars: int = MAX_RUN_CHARS
    names_per_sentence: int = MAX_NAMES_PER_SENTENCE
    seconds: float = PAPER_SECONDS


@cache
def default_budget() -> Budget:
    """The budget of this process, read once from the environment (worker processes inherit it)."""
    return Budget()


def sample_corpus() -> Path:
    """The bundled sample corpus: the trending-papers page the product was designed from."""
    return Path(__file__).parent / "data" / "sample" / "hf_trending_papers.txt"
