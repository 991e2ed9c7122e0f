"""Bounded load on loopback: many concurrent GraphQL clients for a fixed time, while papers are
re-ingested underneath. No request may fail and no answer may show a half-loaded paper."""

from __future__ import annotations

import statistics
import threading
import time
from pathlib import Path
from typing import Any

import httpx

from kg.store import EmbeddedStore, ingest
from kg.types import ExtractionRecord, Outperforms, Paper

CLIENTS = 8
SECONDS = 4.0
QUERY = """query($id: ID!) { paper(id: $id) { id title proposes { name }
  claims { winner { name } loser { name } evidence paper { paperId } } } }"""


def _version(n: int) -> tuple[list[Paper], list[ExtractionRecord]]:
    """Paper p-i proposes M-i which beats B-n: every version changes every paper's claims together."""
    papers, records = [], []
    for i in range(20):
        pid = f"p-{i}"
        papers.append(Paper(id=pid, title=f"M{i}Net: v{n}", abstract=f"We propose M{i}Net. It beats B{n}Net."))
        records.append(
            ExtractionRecord.model_validate(
                {
                    "id": pid,
                    "proposed": [{"name": f"M{i}Net", "type": "Method"}],
                    "entities": [{"name": f"M{i}Net", "type": "Method"}, {"name": f"B{n}Net", "type": "Method"}],
                    "outperforms": [
                        Outperforms(winner=f"M{i}Net", loser=f"B{n}Net", evidence=f"M{i}Net beats B{n}Net.").model_dump()
                    ],
                }
            )
        )
    return papers, records


def test_concurrent_clients_during_reingest(serve: Any, tmp_path: Path) -> None:
    with EmbeddedStore(tmp_path) as store:
        ingest(store, *_version(0))
    api = serve(tmp_path)
    stop = time.monotonic() + SECONDS
    latencies: list[float] = []
    problems: list[str] = []
    lock = threading.Lock()

    def client(k: int) -> None:
        with httpx.Client(base_url=api.url, timeout=30) as http:
            i = 0
            while time.monotonic() < stop:
                pid = f"p-{(k + i) % 20}"
                started = time.perf_counter()
                response = http.post("/graphql", json={"query": QUERY, "variables": {"id": pid}})
                elapsed = time.perf_counter() - started
                body = response.json()
                with lock:
                    latencies.append(elapsed)
                    if response.status_code != 200 or body.get("errors"):
                        problems.append(f"{response.status_code} {body.get('errors')}")
                    else:
                        claims = body["data"]["paper"]["claims"]
                        losers = {c["loser"]["name"] for c in claims if c["paper"]["paperId"] == pid}
                        title_version = body["data"]["paper"]["title"].rsplit("v", 1)[1]
                        if losers != {f"B{title_version}Net"}:
                            problems.append(f"{pid}: title v{title_version} with claims against {sorted(losers)}")
                i += 1

    versions: list[int] = []

    def writer() -> None:
        n = 0
        while time.monotonic() < stop - 0.5:
            n += 1
            with EmbeddedStore(tmp_path) as store:
                ingest(store, *_version(n))
            versions.append(n)

    threads = [threading.Thread(target=client, args=(k,)) for k in range(CLIENTS)] + [threading.Thread(target=writer)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=SECONDS + 60)
    assert not problems, problems[:5]
    assert len(versions) >= 2, "the writer must have replaced the graph while clients read it"
    assert len(latencies) > CLIENTS
    p99 = statistics.quantiles(latencies, n=100)[98]
    print(f"\nload: {len(latencies)} requests, {CLIENTS} clients, {SECONDS:.0f} s, p50 "
          f"{statistics.median(latencies) * 1000:.0f} ms, p99 {p99 * 1000:.0f} ms, 0 errors, {len(versions)} re-ingests underneath")
