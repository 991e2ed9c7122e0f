"""Browser tests: Debian's Chromium driven by Playwright against a real ``kg serve``, offline.

Every page is cut off from the network except localhost: a route handler aborts any other
request and records it, and each test fails if one was attempted. Each test leaves a
screenshot in the artifacts folder (``_webkit.artifacts_dir``), pass or fail.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from typing import Any

import pytest

from _webkit import CHROMIUM, CHROMIUM_ARGS, REPO, Offline, Server, artifacts_dir, kg, start_server

VENDOR = REPO / "kg" / "web" / "static" / "vendor"


@pytest.fixture(scope="session")
def sample_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """``kg serve`` over the bundled sample corpus, ingested with ``kg ingest``."""
    assert (VENDOR / "cytoscape.esm.min.js").is_file() and (VENDOR / "cypher-editor.js").is_file(), (
        "the pages' JS libraries are missing: run scripts/build-web")
    data_dir = tmp_path_factory.mktemp("web-sample")
    kg("ingest", "--data-dir", str(data_dir))
    server = start_server(data_dir, data_dir.parent / "web-sample-serve.log")
    yield server
    server.stop()


@pytest.fixture(scope="session")
def large_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """``kg serve`` over 400 synthetic papers (``kg synth``): over 1,000 nodes."""
    root = tmp_path_factory.mktemp("web-large")
    corpus, data_dir = root / "corpus", root / "data"
    kg("synth", "400", "--out", str(corpus))
    kg("ingest", str(corpus / "papers.jsonl"), "--records", str(corpus / "gold.jsonl"), "--data-dir", str(data_dir))
    server = start_server(data_dir, root / "serve.log")
    yield server
    server.stop()


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
    shot = artifacts_dir() / f"{request.node.name}.png"
    try:
        tab.screenshot(path=str(shot), full_page=True)
    finally:
        context.close()
    assert offline.blocked == [], f"the page tried to reach the network: {offline.blocked}"
    assert errors == [], f"JavaScript errors on the page: {errors}"
