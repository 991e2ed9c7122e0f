"""Bounded load on loopback: many concurrent GraphQL clients for a fixed time, while papers are
re-ingested underneath. No request may fail and no answer may show a half-loaded paper."""

from __future__ import annotations

import statistics
import threading
import time
from pathlib import Path
from typing import Any

import httpx

from kg.pipeline import ingest
from kg.records import ExtractionRecord, Outperforms, Paper
from kg.store import EmbeddedStore

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
                        Outperforms(
                            winner=f"M{i}Net", loser=f"B{n}Net", evidence=f"M{i}Net beats B{n}Net."
                        ).model_dump()
                    ],
                }
            )
        )
    return papers, records


def test_concurrent_clients_during_reingest(serve: Any, tmp_path: Path) -> None:
    with EmbeddedStore(tmp_path) as store:
        ingest(store, *_version(0))
    api = serve(tmp_path)

    def reingest(n: int) -> None:
        with EmbeddedStore(tmp_path) as store:
            ingest(store, *_version(n))

    _load_while_writing(api.url, reingest, same_title_version=True)


def test_concurrent_clients_during_reingest_on_neo4j() -> None:
    """The same on Neo4j: each paper's claims change in one transaction, so no answer mixes two
    versions of one paper's claims (title and claims come from separate reads there)."""
    from _apineo4j import settings as neo4j_settings
    from test_api_neo4j import Server

    from kg.api import create_app
    from kg.api.neo4j import neo4j_reads
    from kg.store import Neo4jStore
    from kg.store.neo4j.schema import wipe_database

    settings = neo4j_settings()
    with Neo4jStore(settings) as store:
        wipe_database(store._live(), settings.database)
        ingest(store, *_version(0))
    factory = neo4j_reads(settings)
    server = Server(create_app(factory))
    url = str(server.client.base_url)

    def reingest(n: int) -> None:
        with Neo4jStore(settings) as store:
            ingest(store, *_version(n))

    try:
        _load_while_writing(url, reingest, same_title_version=False)
    finally:
        server.close()
        factory.close()


def _load_while_writing(url: str, reingest: Any, same_title_version: bool) -> None:
    stop = time.monotonic() + SECONDS
    latencies: list[float] = []
    problems: list[str] = []
    stale: list[Any] = []
    lock = threading.Lock()

    def client(k: int) -> None:
        with httpx.Client(base_url=url, timeout=30) as http:
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
                        # on Neo4j each read statement sees what is committed when it runs, so a
                        # loser node replaced between two statements of one request reads as null
                        stale.extend(c for c in claims if c["loser"] is None)
                        losers = {c["loser"]["name"] for c in claims if c["loser"] is not None}
                        title_version = body["data"]["paper"]["title"].rsplit("v", 1)[1]
                        if len(losers) > 1 or (same_title_version and losers != {f"B{title_version}Net"}):
                            problems.append(f"{pid}: title v{title_version} with claims against {sorted(losers)}")
                i += 1

    versions: list[int] = []

    def writer() -> None:
        n = 0
        while time.monotonic() < stop - 0.5:
            n += 1
            reingest(n)
            versions.append(n)

    threads = [threading.Thread(target=client, args=(k,)) for k in range(CLIENTS)] + [threading.Thread(target=writer)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=SECONDS + 60)
    assert not problems, problems[:5]
    assert same_title_version is False or not stale
    assert len(versions) >= 2, "the writer must have replaced the graph while clients read it"
    assert len(latencies) > CLIENTS
    p99 = statistics.quantiles(latencies, n=100)[98]
    print(
        f"\nload ({url}): {len(latencies)} requests, {CLIENTS} clients, {SECONDS:.0f} s, p50 "
        f"{statistics.median(latencies) * 1000:.0f} ms, p99 {p99 * 1000:.0f} ms, 0 errors, "
        f"{len(versions)} re-ingests underneath, {len(stale)} claims read across a commit"
    )
