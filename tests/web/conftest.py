"""Browser tests: Debian's Chromium driven by Playwright against a real ``kg serve``, offline.

Every page is cut off from the network except localhost: a route handler aborts any other
request and records it, and each test fails if one was attempted. Each test leaves a
screenshot in the artifacts folder (``_webkit.artifacts_dir``), pass or fail, named after the test
and the store (``test_name-neo4j.png``).

Every test runs on both stores (``store_kind``): ``embedded`` serves a graph.json data dir;
``neo4j`` serves the real server at NEO4J_URI (a down server FAILS the tests). Community Neo4j has
one database, so the Neo4j servers share it: before each test the database is made to hold that
test's corpus (wiped and ingested with ``kg ingest --store neo4j`` when it held another one).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from _webkit import (
    CHROMIUM,
    CHROMIUM_ARGS,
    REPO,
    STORE_KINDS,
    Offline,
    Server,
    artifacts_dir,
    kg,
    start_server,
    wipe_neo4j,
)

VENDOR = REPO / "kg" / "web" / "static" / "vendor"


class Neo4jCorpus:
    """Which corpus the one Neo4j database holds now; ``ensure`` wipes it and ingests another when asked."""

    def __init__(self) -> None:
        self.loaded: str | None = None

    def ensure(self, name: str, *ingest_args: str) -> None:
        if self.loaded != name:
            self.loaded = None
            wipe_neo4j()
            kg("ingest", *ingest_args, store="neo4j")
            self.loaded = name


@pytest.fixture(scope="session")
def neo4j_corpus() -> Neo4jCorpus:
    return Neo4jCorpus()


@pytest.fixture(scope="session", params=STORE_KINDS)
def store_kind(request: pytest.FixtureRequest) -> str:
    """The store the test's server runs on: every browser test runs on each."""
    return str(request.param)


@pytest.fixture(scope="session")
def _sample_serve(store_kind: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    assert (VENDOR / "cytoscape.esm.min.js").is_file() and (VENDOR / "cypher-editor.js").is_file(), (
        "the pages' JS libraries are missing: run scripts/build-web"
    )
    data_dir = tmp_path_factory.mktemp(f"web-sample-{store_kind}")
    if store_kind == "embedded":
        kg("ingest", "--data-dir", str(data_dir))
    server = start_server(data_dir, data_dir.parent / f"web-sample-{store_kind}-serve.log", store=store_kind)
    yield server
    server.stop()


@pytest.fixture
def sample_server(_sample_serve: Server, neo4j_corpus: Neo4jCorpus) -> Server:
    """``kg serve`` over the bundled sample corpus, ingested with ``kg ingest`` (into the wiped Neo4j on neo4j)."""
    if _sample_serve.store == "neo4j":
        neo4j_corpus.ensure("sample")
    return _sample_serve


@pytest.fixture(scope="session")
def large_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """400 synthetic papers and their records (``kg synth``), the same for both stores."""
    corpus = tmp_path_factory.mktemp("web-large-corpus")
    kg("synth", "400", "--out", str(corpus))
    return corpus


@pytest.fixture(scope="session")
def _large_serve(store_kind: str, large_corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    root = tmp_path_factory.mktemp(f"web-large-{store_kind}")
    data_dir = root / "data"
    if store_kind == "embedded":
        kg("ingest", *_large_ingest_args(large_corpus), "--data-dir", str(data_dir))
    server = start_server(data_dir, root / "serve.log", store=store_kind)
    yield server
    server.stop()


def _large_ingest_args(corpus: Path) -> tuple[str, ...]:
    return str(corpus / "papers.jsonl"), "--records", str(corpus / "gold.jsonl")


@pytest.fixture
def large_server(_large_serve: Server, large_corpus: Path, neo4j_corpus: Neo4jCorpus) -> Server:
    """``kg serve`` over 400 synthetic papers (``kg synth``): over 1,000 nodes."""
    if _large_serve.store == "neo4j":
        neo4j_corpus.ensure("large", *_large_ingest_args(large_corpus))
    return _large_serve


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Chromium for one test module: Playwright's sync API keeps an event loop running while it is open,
    which would break ``asyncio.run`` in whatever tests run after a session-wide browser."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="needs playwright (pip install playwright)")
    executable = str(CHROMIUM) if CHROMIUM.exists() else shutil.which("chromium")
    if executable is None:
        pytest.skip(f"needs Debian's chromium at {CHROMIUM} (apt-get install chromium)")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any, request: pytest.FixtureRequest) -> Iterator[Any]:
    """A fresh browser page, offline but for localhost; screenshot saved after the test; no page errors allowed."""
    context = browser.new_context(viewport={"width": 1400, "height": 900}, accept_downloads=True)
    offline = Offline()
    context.route("**/*", offline)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.set_default_timeout(30_000)
    yield tab
    shot = artifacts_dir() / screenshot_name(request)
    try:
        tab.screenshot(path=str(shot), full_page=True)
    finally:
        context.close()
    assert offline.blocked == [], f"the page tried to reach the network: {offline.blocked}"
    assert errors == [], f"JavaScript errors on the page: {errors}"


def screenshot_name(request: pytest.FixtureRequest) -> str:
    """``test_name-STORE.png``: the test's name and the store it ran on."""
    params = getattr(request.node, "callspec", None)
    store = params.params.get("store_kind") if params is not None else None
    return f"{request.node.originalname}-{store}.png" if store else f"{request.node.name}.png"


@pytest.fixture
def shot_name(request: pytest.FixtureRequest) -> str:
    """The screenshot file name for a test that takes its own."""
    return screenshot_name(request)
