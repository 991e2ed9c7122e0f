"""Markers for the two kinds of tests that need more than Python: ``neo4j`` (a real Neo4j server) and
``browser`` (Debian's Chromium), so ``scripts/test -m "not neo4j and not browser"`` is a fast loop.

Marked by what a test uses, not by hand: a test whose id names Neo4j (a ``test_neo4j_*`` module, a
``[neo4j]`` parameter) or whose module is listed below needs the server; one that uses the ``page``
or ``browser`` fixture needs Chromium. A test that reaches Neo4j without being marked fails the fast
loop (there is no server then), so a missing mark shows at once.
"""

from __future__ import annotations

import pytest

NEO4J_MODULES = frozenset({"test_deterministic_names.py", "test_store_parity.py"})
"""Modules whose every test talks to Neo4j without saying so in its id."""


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "neo4j: needs the Neo4j server at NEO4J_URI (scripts/test starts one)")
    config.addinivalue_line("markers", "browser: drives Debian's Chromium through Playwright")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "neo4j" in item.nodeid.lower() or item.path.name in NEO4J_MODULES:
            item.add_marker(pytest.mark.neo4j)
        if {"page", "browser"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)
