"""Settings from the environment (``KG_*``) with CLI flags layered on top."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic_settings import BaseSettings, SettingsConfigDict

StoreKind = Literal["embedded", "neo4j"]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="KG_", extra="ignore")

    data_dir: Path = Path("kg-data")
    store: StoreKind = "embedded"


def sample_corpus() -> Path:
    """The bundled sample corpus: the trending-papers page the product was designed from."""
    return Path(__file__).parent / "data" / "sample" / "hf_trending_papers.txt"
