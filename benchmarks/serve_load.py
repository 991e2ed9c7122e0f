"""Serving under load: many clients mixing GraphQL, console, static and health requests while papers are re-ingested.

    .venv/bin/python benchmarks/serve_load.py [--stores embedded neo4j] [--clients 50] [--seconds 300]

For each store: ingest the bundled sample corpus, start ``kg serve`` in a process of its own on a
free port, then run ``--clients`` concurrent clients (asyncio + httpx, one process) for
``--seconds``, each looping over a mix: the headline GraphQL query, a paper lookup, a console
query, a static file, the explorer page and ``/healthz``. Underneath, ``kg ingest --force``
re-ingests the sample again and again (a writer that replaces every paper). Prints, per kind of
request, the count, errors, p50 and p99 in milliseconds, and the re-ingests done. The Neo4j run
WIPES the database at NEO4J_URI. ``/healthz`` p99 should stay under 100 ms and errors at 0.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
KG = [sys.executable, "-m", "kg"]
HEADLINE = """{ methods(filter: {family: "PEFT", beats: "LoRA"}) { edges { node { name
  outperforms(loser: "LoRA") { evidence paper { id title } } } } } }"""
PAPER = (
    """query($id: ID!) { paper(id: $id) { id title proposes { name } claims { winner { name } loser { name } } } }"""
)
CONSOLE = "MATCH (p:Paper)-[:PROPOSES]->(m) RETURN p.title, m.name LIMIT 25"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _env(store: str, data_dir: Path) -> dict[str, str]:
    return {**os.environ, "KG_STORE": store, "KG_DATA_DIR": str(data_dir), "PYTHONPATH": str(ROOT)}


def _request(kind: str, paper_ids: list[str], i: int) -> tuple[str, str, dict[str, object] | None]:
    """(method, path, json) of the ``i``-th request of ``kind``."""
    if kind == "graphql":
        return "POST", "/graphql", {"query": HEADLINE}
    if kind == "paper":
        return "POST", "/graphql", {"query": PAPER, "variables": {"id": paper_ids[i % len(paper_ids)]}}
    if kind == "console":
        return "POST", "/cypher", {"query": CONSOLE, "params": {}}
    if kind == "static":
        return "GET", "/static/common/kg.css", None
    if kind == "page":
        return "GET", "/", None
    return "GET", "/healthz", None


KINDS = ["graphql", "paper", "console", "static", "page", "healthz"]


async def _client(
    url: str, stop: float, paper_ids: list[str], k: int, latencies: dict[str, list[float]], errors: dict[str, list[str]]
) -> None:
    async with httpx.AsyncClient(base_url=url, timeout=60) as http:
        i = k
        while time.monotonic() < stop:
            kind = KINDS[i % len(KINDS)]
            method, path, body = _request(kind, paper_ids, i)
            started = time.perf_counter()
            try:
                response = await http.request(method, path, json=body)
                ok = response.status_code == 200 and not (
                    kind in ("graphql", "paper") and response.json().get("errors")
                )
                problem = "" if ok else f"{response.status_code} {response.text[:160]}"
            except httpx.HTTPError as error:
                problem = f"{type(error).__name__}: {error}"
            latencies[kind].append(time.perf_counter() - started)
            if problem:
                errors[kind].append(problem)
            i += 1


def _writer(store: str, data_dir: Path, stop: float, done: list[float]) -> None:
    while time.monotonic() < stop - 5:
        started = time.monotonic()
        subprocess.run(
            [*KG, "ingest", "--force"],
            env=_env(store, data_dir),
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        done.append(time.monotonic() - started)


def run(store: str, clients: int, seconds: float) -> None:
    data_dir = Path(tempfile.mkdtemp(prefix=f"kg-serve-load-{store}-"))
    env = _env(store, data_dir)
    if store == "neo4j":
        from kg.store import Neo4jStore
        from kg.store.neo4j.schema import wipe_database
        from kg.store.neo4j.settings import Neo4jSettings

        settings = Neo4jSettings()
        with Neo4jStore(settings) as neo4j:
            wipe_database(neo4j._live(), settings.database)
    subprocess.run([*KG, "ingest"], env=env, check=True, stdout=subprocess.DEVNULL)
    port = _free_port()
    server = subprocess.Popen(
        [*KG, "serve", "--port", str(port)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if httpx.get(f"{url}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise SystemExit(f"kg serve on {store} did not come up")
            time.sleep(0.2)
        papers = httpx.post(f"{url}/graphql", json={"query": "{ papers(first: 100) { edges { node { id } } } }"}).json()
        paper_ids = [e["node"]["id"] for e in papers["data"]["papers"]["edges"]]
        latencies: dict[str, list[float]] = defaultdict(list)
        errors: dict[str, list[str]] = defaultdict(list)
        stop = time.monotonic() + seconds
        ingests: list[float] = []
        writer = threading.Thread(target=_writer, args=(store, data_dir, stop, ingests), daemon=True)
        writer.start()

        async def everyone() -> None:
            await asyncio.gather(*(_client(url, stop, paper_ids, k, latencies, errors) for k in range(clients)))

        asyncio.run(everyone())
        writer.join(timeout=600)
    finally:
        server.terminate()
        server.wait(timeout=30)
    total = sum(len(v) for v in latencies.values())
    print(
        f"\n{store}: {clients} clients x {seconds:.0f} s, {total} requests, {sum(len(v) for v in errors.values())} "
        f"errors, {len(ingests)} re-ingests underneath (median {statistics.median(ingests or [0]):.1f} s)"
    )
    print(f"{'kind':<8} {'requests':>8} {'errors':>6} {'p50 ms':>8} {'p99 ms':>8}")
    for kind in KINDS:
        values = sorted(latencies[kind])
        if not values:
            continue
        p99 = statistics.quantiles(values, n=100)[98] if len(values) > 1 else values[0]
        print(
            f"{kind:<8} {len(values):>8} {len(errors[kind]):>6} "
            f"{statistics.median(values) * 1000:>8.1f} {p99 * 1000:>8.1f}"
        )
    for kind, found in errors.items():
        for problem in found[:3]:
            print(f"  {kind}: {problem}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--stores", nargs="+", choices=["embedded", "neo4j"], default=["embedded"])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=300)
    args = parser.parse_args(argv)
    for store in args.stores:
        run(store, args.clients, args.seconds)


if __name__ == "__main__":
    main()
