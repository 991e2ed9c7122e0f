"""API benchmark: GraphQL over the embedded store against the same answers from kg.graph.queries.

    .venv/bin/python benchmarks/api.py --papers 1000 10000 [--repeat 200] [--http]

For each N: generate N synthetic papers (benchmarks/synthetic.py), resolve and build their
graph, and load it into ``NetworkxReads`` (timed apart). Then run each query in
benchmarks/queries/ ``--repeat`` times through ``kg.api.run_query`` (and, with ``--http``, over
HTTP to a local uvicorn), and compute the same answer directly with ``kg.graph.queries``
(the baseline). Prints p50/p99 in milliseconds, the store round trips per request, and the
ratio of the API's p50 to the baseline's. Both sides' answers are compared first.
"""

from __future__ import annotations

import argparse
import socket
import statistics
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import synthetic_corpus  # noqa: E402

from kg.api import create_app, run_query  # noqa: E402
from kg.api.embedded import settle_heap  # noqa: E402
from kg.graph import KnowledgeGraph, build_graph  # noqa: E402
from kg.graph.model import OUTPERFORMS, paper_node  # noqa: E402
from kg.graph.queries import find_entity, methods_in_family, outperformers  # noqa: E402
from kg.graph.reads import NetworkxReads  # noqa: E402
from kg.resolve import resolve  # noqa: E402

QUERIES = Path(__file__).resolve().parent / "queries"
Answer = list[tuple[str, list[tuple[str, str]]]]  # (method name, [(evidence, paper title)]) per row
FAMILY = "PEFT"  # the synthetic corpus puts proposals in the shipped taxonomy's PEFT and its subfamilies


def build(papers: int, seed: int) -> KnowledgeGraph:
    pairs = list(synthetic_corpus(papers, seed))
    records = [r for _, r in pairs]
    return build_graph([p for p, _ in pairs], records, resolve(records))


def most_beaten(g: KnowledgeGraph) -> str:
    """The name of the method with the most OUTPERFORMS claims against it."""
    counts = {n: sum(1 for _, _, d in g.in_edges(n, data=True) if d["type"] == OUTPERFORMS) for n in g}
    return str(g.nodes[max(sorted(counts), key=lambda n: counts[n])]["name"])


def _name_key(g: KnowledgeGraph, node: str) -> tuple[str, str, str]:
    name = str(g.nodes[node]["name"])
    return (name.lower(), name, node)


def baseline_family_beats(g: KnowledgeGraph, family: str, loser: str) -> Answer:
    """The family-beats answer from kg.graph.queries: first 100 winners by name, with (evidence, paper title)."""
    winners = sorted(outperformers(g, loser, family), key=lambda w: _name_key(g, w[0]))[:100]
    return [
        (str(g.nodes[w]["name"]), [(str(c["evidence"]), str(g.nodes[paper_node(c["paper"])]["title"])) for c in claims])
        for w, claims in winners
    ]


def baseline_members_claims(g: KnowledgeGraph, family: str) -> Answer:
    """The nested answer from kg.graph.queries: first 50 members by name, each claim's (evidence, paper title)."""
    members = sorted(methods_in_family(g, family), key=lambda n: _name_key(g, n))[:50]
    answer = []
    for m in members:
        claims = [d for _, _, d in g.out_edges(m, data=True) if d["type"] in ("OUTPERFORMS", "OUTPERFORMS_GENERIC")]
        answer.append((str(g.nodes[m]["name"]), [(str(d["evidence"]), str(g.nodes[paper_node(d["paper"])]["title"])) for d in claims]))
    return answer


def api_family_beats(data: dict[str, Any]) -> Answer:
    return [(e["node"]["name"], [(c["evidence"], c["paper"]["title"]) for c in e["node"]["outperforms"]])
            for e in data["methods"]["edges"]]


def api_members_claims(data: dict[str, Any]) -> Answer:
    return [(e["node"]["name"], [(c["evidence"], c["paper"]["title"]) for c in e["node"]["outperforms"]])
            for e in data["family"]["members"]["edges"]]


def timings(run: Callable[[], object], repeat: int) -> list[float]:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def p(samples: list[float], q: float) -> float:
    return statistics.quantiles(samples, n=100, method="inclusive")[int(q) - 1] if len(samples) > 1 else samples[0]


def http_client(reads: NetworkxReads) -> tuple[Callable[[str, dict[str, Any]], dict[str, Any]], Callable[[], None]]:
    """A local uvicorn over ``reads`` and a function that POSTs a query to it."""
    import httpx
    import uvicorn  # type: ignore[import-untyped,unused-ignore]

    sock = socket.socket()
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(create_app(lambda: reads), log_level="warning", ws="none", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.02)
    client = httpx.Client(base_url=f"http://127.0.0.1:{sock.getsockname()[1]}", timeout=120)

    def post(query: str, variables: dict[str, Any]) -> dict[str, Any]:
        return dict(client.post("/graphql", json={"query": query, "variables": variables}).json())

    def stop() -> None:
        client.close()
        server.should_exit = True
        thread.join(timeout=10)

    return post, stop


def bench(papers: int, seed: int, repeat: int, http: bool) -> None:
    t0 = time.perf_counter()
    g = build(papers, seed)
    t1 = time.perf_counter()
    reads = NetworkxReads(g)
    t2 = time.perf_counter()
    settle_heap()  # as the server does after loading; the baseline gains from it just as much
    loser = most_beaten(g)
    print(f"\nN={papers} papers: {g.number_of_nodes()} nodes, {g.number_of_edges()} relationships; "
          f"build {t1 - t0:.1f}s, NetworkxReads index {t2 - t1:.2f}s; loser={loser!r} family={FAMILY!r}")
    assert find_entity(g, loser) is not None
    cases: list[tuple[str, dict[str, Any], Callable[[dict[str, Any]], Answer], Callable[[], Answer]]] = [
        ("family_beats", {"family": FAMILY, "loser": loser}, api_family_beats, lambda: baseline_family_beats(g, FAMILY, loser)),
        ("family_members_claims", {"family": FAMILY}, api_members_claims, lambda: baseline_members_claims(g, FAMILY)),
    ]
    post, stop = http_client(reads) if http else (None, None)
    header = f"{'query':24} {'rows':>5} {'trips':>5} {'api p50':>9} {'api p99':>9}"
    header += f" {'http p50':>9} {'http p99':>9}" if http else ""
    print(header + f" {'base p50':>9} {'base p99':>9} {'api/base':>8}")
    try:
        for name, variables, shape, baseline in cases:
            query = (QUERIES / f"{name}.graphql").read_text(encoding="utf-8")
            result = run_query(query, variables, reads)
            assert "errors" not in result, result["errors"]
            answer = shape(result["data"])
            assert answer == baseline(), f"{name}: the API and kg.graph.queries disagree"
            api = timings(lambda: run_query(query, variables, reads), repeat)
            base = timings(baseline, repeat)
            line = f"{name:24} {len(answer):>5} {result['extensions']['roundTrips']:>5} {p(api, 50):>9.2f} {p(api, 99):>9.2f}"
            if post is not None:
                assert shape(post(query, variables)["data"]) == answer
                remote = timings(lambda: post(query, variables), repeat)
                line += f" {p(remote, 50):>9.2f} {p(remote, 99):>9.2f}"
            print(line + f" {p(base, 50):>9.2f} {p(base, 99):>9.2f} {p(api, 50) / p(base, 50):>8.2f}")
    finally:
        if stop is not None:
            stop()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--papers", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--http", action="store_true", help="also time the queries over HTTP (local uvicorn)")
    args = parser.parse_args(argv)
    print("times in ms; trips = store round trips per request; api/base = ratio of p50s")
    for n in args.papers:
        bench(n, args.seed, args.repeat, args.http)


if __name__ == "__main__":
    main()
