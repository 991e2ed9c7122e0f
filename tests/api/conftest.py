"""A real uvicorn server on a free port, over the bundled sample graph and over the gold graph."""

from __future__ import annotations

import json
import os
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from _apikit import Api, Served
from _apineo4j import OwnNeo4j
from datapaths import GOLD_DEV, SEED_PAPERS

from kg.api import create_app, embedded_reads
from kg.api.http_limits import MAX_BODY_BYTES
from kg.config import sample_corpus
from kg.corpus import read_papers
from kg.extract import extract_corpus
from kg.pipeline import ingest
from kg.records import ExtractionRecord, Paper
from kg.store import EmbeddedStore


@pytest.fixture(scope="session")
def serve() -> Iterator[Any]:
    """Start servers for data dirs (one per dir, on a free port), stop them all at the end."""
    running: list[Served] = []

    def start(data_dir: Path, max_body_bytes: int = MAX_BODY_BYTES) -> Api:
        factory = embedded_reads(data_dir)
        served = Served(create_app(factory, max_body_bytes))
        running.append(served)
        return Api(url=served.url, data_dir=data_dir, reads=factory(), client=served.client)

    yield start
    for served in running:
        served.close()


@pytest.fixture(scope="session")
def sample_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled sample corpus read, extracted and ingested into an embedded store."""
    data_dir = tmp_path_factory.mktemp("sample")
    papers = list(read_papers([sample_corpus()]))
    with EmbeddedStore(data_dir) as store:
        ingest(store, papers, extract_corpus(papers))
    return data_dir


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="session")
def gold_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 64 hand-annotated dev papers' gold records ingested into an embedded store."""
    data_dir = tmp_path_factory.mktemp("gold")
    records = [ExtractionRecord.model_validate(r) for r in _jsonl(GOLD_DEV)]
    ids = {r.id for r in records}
    papers = [Paper.model_validate(p) for p in _jsonl(SEED_PAPERS) if p["id"] in ids]
    with EmbeddedStore(data_dir) as store:
        ingest(store, papers, records)
    return data_dir


@pytest.fixture(scope="session")
def sample_api(serve: Any, sample_dir: Path) -> Api:
    return serve(sample_dir)  # type: ignore[no-any-return]


@pytest.fixture(scope="session")
def gold_api(serve: Any, gold_dir: Path) -> Api:
    return serve(gold_dir)  # type: ignore[no-any-return]


@pytest.fixture(params=["sample", "gold"])
def api(request: pytest.FixtureRequest) -> Api:
    """Each test that takes ``api`` runs on both graphs."""
    return request.getfixturevalue(f"{request.param}_api")  # type: ignore[no-any-return]


@pytest.fixture
def own_neo4j(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OwnNeo4j]:
    """A Neo4j of this test's own on DOWN_PORT (its home survives restarts), stopped at the end."""
    own = OwnNeo4j(tmp_path_factory.mktemp("neo4j-down") / "home")
    own("start")
    yield own
    if (own.home / "neo4j.pid").exists():
        os.kill(own.pid, signal.SIGCONT)  # a test may have paused it
    own("stop")
