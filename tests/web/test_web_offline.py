"""The offline guard the browser tests rely on: a request to anything but localhost is aborted and recorded."""

from __future__ import annotations

from typing import Any

from _webkit import Offline, Server, artifacts_dir


def test_requests_off_localhost_are_aborted_and_recorded(browser: Any, sample_server: Server, shot_name: str) -> None:
    context = browser.new_context()
    offline = Offline()
    context.route("**/*", offline)
    try:
        tab = context.new_page()
        tab.goto(f"{sample_server.url}/healthz")
        outcome = tab.evaluate("fetch('https://cdn.example.org/lib.js').then(() => 'fetched', () => 'failed')")
        local = tab.evaluate(f"fetch('{sample_server.url}/healthz').then(r => r.status)")
        tab.screenshot(path=str(artifacts_dir() / shot_name))
    finally:
        context.close()
    assert outcome == "failed" and local == 200
    assert offline.blocked == ["https://cdn.example.org/lib.js"]
