"""API benchmark: GraphQL on each store against the same answers computed directly.

    .venv/bin/python benchmarks/api.py --papers 1000 10000 100000 [--stores embedded neo4j] [--repeat 200] [--http]

For each N: generate N synthetic papers (benchmarks/synthetic.py), resolve and build their
graph, and load it into ``NetworkxReads`` (timed apart) and, with ``--stores neo4j``, into the
Neo4j of NEO4J_URI (WIPED first; load timed apart). Then run each query in
benchmarks/queries/ ``--repeat`` times through ``kg.api.run_query`` (and, with ``--http``, over
HTTP to a local uvicorn), and compute the same answer directly: with the reference oracle
(tests/graph_oracle.py) on the embedded store, with one hand-written Cypher query
(queries/bench_*.cypher) on Neo4j (the baseline). Prints p50/p99 in milliseconds, the store
round trips per request, and the ratio of the API's p50 to the baseline's. Both sides' answers
are compared first."""

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
# the reference oracle (after benchmarks/: tests/synthetic is a package)
sys.path.append(str(Path(__file__).resolve().parents[1] / "tests"))

from graph_oracle import find_entity, find_family, methods_in_family, outperformers
from synthetic import synthetic_corpus

from kg.api import create_app, run_query
from kg.api.embedded import settle_heap
from kg.api.neo4j import neo4j_reads
from kg.graph import KnowledgeGraph, build_graph
from kg.graph.model import OUTPERFORMS, TECHNIQUE_LABELS, paper_node
from kg.resolve import resolve
from kg.store.cypher import query
from kg.store.embedded_reads import NetworkxReads
from kg.store.neo4j.schema import apply_schema, wipe_database
from kg.store.neo4j.settings import Neo4jSettings
from kg.store.neo4j.store import Neo4jStore

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
    """The family-beats answer from the reference oracle (tests/graph_oracle.py): first 100 winners by
    name, with (evidence, paper title)."""
    winners = sorted(outperformers(g, loser, family), key=lambda w: _name_key(g, w[0]))[:100]
    return [
        (str(g.nodes[w]["name"]), [(str(c["evidence"]), str(g.nodes[paper_node(c["paper"])]["title"])) for c in claims])
        for w, claims in winners
    ]


def baseline_members_claims(g: KnowledgeGraph, family: str) -> Answer:
    """The nested answer from the reference oracle (tests/graph_oracle.py): first 50 members by name,
    each claim's (evidence, paper title)."""
    members = sorted(methods_in_family(g, family), key=lambda n: _name_key(g, n))[:50]
    answer = []
    for m in members:
        claims = [d for _, _, d in g.out_edges(m, data=True) if d["type"] in ("OUTPERFORMS", "OUTPERFORMS_GENERIC")]
        answer.append(
            (
                str(g.nodes[m]["name"]),
                [(str(d["evidence"]), str(g.nodes[paper_node(d["paper"])]["title"])) for d in claims],
            )
        )
    return answer


def api_family_beats(data: dict[str, Any]) -> Answer:
    return [
        (e["node"]["name"], [(c["evidence"], c["paper"]["title"]) for c in e["node"]["outperforms"]])
        for e in data["methods"]["edges"]
    ]


def api_members_claims(data: dict[str, Any]) -> Answer:
    return [
        (e["node"]["name"], [(c["evidence"], c["paper"]["title"]) for c in e["node"]["outperforms"]])
        for e in data["family"]["members"]["edges"]
    ]


def timings(run: Callable[[], object], repeat: int) -> list[float]:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def p(samples: list[float], q: float) -> float:
    return statistics.quantiles(samples, n=100, method="inclusive")[int(q) - 1] if len(samples) > 1 else samples[0]


Post = Callable[[str, dict[str, Any]], dict[str, Any]]  # POSTs a query and its variables, returns the response


def http_client(
    reads_factory: Callable[[], Any],
) -> tuple[Post, Callable[[], None]]:
    """A local uvicorn over ``reads_factory`` and a function that POSTs a query to it."""
    import httpx
    import uvicorn  # type: ignore[import-untyped,unused-ignore]

    sock = socket.socket()
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(create_app(reads_factory), log_level="warning", ws="none", lifespan="off"))
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


def unordered_claims(answer: Answer) -> list[tuple[str, list[tuple[str, str]]]]:
    """The answer with each row's claims sorted: the order of a method's claims is not part of it."""
    return [(name, sorted(claims)) for name, claims in answer]


def cypher_baseline(driver: Any, database: str | None, name: str, params: dict[str, Any]) -> Callable[[], Answer]:
    """One hand-written query (queries/<name>.cypher) in a READ session, as Neo4jReads runs its own."""
    from neo4j import READ_ACCESS

    text = query(name)

    def run() -> Answer:
        with driver.session(database=database, default_access_mode=READ_ACCESS) as session:
            return [(r["name"], [(str(e), str(t)) for e, t in r["claims"]]) for r in session.run(text, params)]

    return run


def load_neo4j(g: KnowledgeGraph) -> tuple[Any, float]:
    """Wipe the Neo4j of the NEO4J_* environment and load ``g`` with kg's loader (as benchmarks/load.py)."""
    store = Neo4jStore(Neo4jSettings())
    driver = store._live()
    apply_schema(driver, store.settings.database)
    wipe_database(driver, store.settings.database)
    t0 = time.perf_counter()
    store.upsert(g)
    seconds = time.perf_counter() - t0
    assert sum(store.stats()["relationships"].values()) == g.number_of_edges()
    return store, seconds


Case = tuple[str, dict[str, Any], Callable[[dict[str, Any]], Answer], Callable[[], Answer]]


def run_case(papers: int, store: str, case: Case, factory: Callable[[], Any], repeat: int, post: Post | None) -> None:
    """Check one query's answer against its baseline, then time both (and over HTTP if ``post``)."""
    name, variables, shape, baseline = case
    text = (QUERIES / f"{name}.graphql").read_text(encoding="utf-8")
    result = run_query(text, variables, factory())
    assert "errors" not in result, result["errors"]
    answer = shape(result["data"])
    expected = baseline()
    if store == "embedded":
        assert answer == expected, f"{name}: the API and the reference oracle (tests/graph_oracle.py) disagree"
    else:
        assert unordered_claims(answer) == unordered_claims(expected), (
            f"{name}: the API and the Cypher baseline disagree"
        )
    api = timings(lambda: run_query(text, variables, factory()), repeat)
    base = timings(baseline, repeat)
    line = f"{papers:>7} {store:8} {name:22} {len(answer):>5} {result['extensions']['roundTrips']:>5}"
    line += f" {p(api, 50):>9.2f} {p(api, 99):>9.2f}"
    if post is not None:
        assert unordered_claims(shape(post(text, variables)["data"])) == unordered_claims(answer)
        remote = timings(lambda: post(text, variables), repeat)
        line += f" {p(remote, 50):>9.2f} {p(remote, 99):>9.2f}"
    print(line + f" {p(base, 50):>9.2f} {p(base, 99):>9.2f} {p(api, 50) / p(base, 50):>8.2f}", flush=True)


def run_cases(papers: int, store: str, cases: list[Case], factory: Callable[[], Any], repeat: int, http: bool) -> None:
    post, stop = http_client(factory) if http else (None, None)
    try:
        for case in cases:
            run_case(papers, store, case, factory, repeat, post)
    finally:
        if stop is not None:
            stop()


def bench(papers: int, seed: int, repeat: int, http: bool, stores: list[str]) -> None:
    t0 = time.perf_counter()
    g = build(papers, seed)
    t1 = time.perf_counter()
    loser = most_beaten(g)
    loser_node, family_node_id = find_entity(g, loser), find_family(g, FAMILY)
    assert loser_node is not None and family_node_id is not None
    print(
        f"# N={papers} papers: {g.number_of_nodes()} nodes, {g.number_of_edges()} relationships; "
        f"build {t1 - t0:.1f}s; loser={loser!r} family={FAMILY!r}",
        flush=True,
    )
    variables = [{"family": FAMILY, "loser": loser}, {"family": FAMILY}]
    shapes = [api_family_beats, api_members_claims]
    names = ["family_beats", "family_members_claims"]
    if "embedded" in stores:
        t2 = time.perf_counter()
        reads = NetworkxReads(g)
        print(f"#   embedded: NetworkxReads index {time.perf_counter() - t2:.2f}s", flush=True)
        settle_heap()  # as the server does after loading; the baseline gains from it just as much
        baselines = [lambda: baseline_family_beats(g, FAMILY, loser), lambda: baseline_members_claims(g, FAMILY)]
        run_cases(
            papers, "embedded", list(zip(names, variables, shapes, baselines, strict=True)), lambda: reads, repeat, http
        )
        del reads
    if "neo4j" in stores:
        store, load_s = load_neo4j(g)
        factory = neo4j_reads(store.settings)
        print(f"#   neo4j at {store.settings.uri}: load {load_s:.1f}s", flush=True)
        driver, db = factory.driver(), store.settings.database
        params = {
            "family": family_node_id.partition(":")[2],
            "loser": loser_node.partition(":")[2],
            "techniques": sorted(TECHNIQUE_LABELS),
        }
        baselines = [
            cypher_baseline(driver, db, "bench_family_beats", params),
            cypher_baseline(driver, db, "bench_nested", params),
        ]
        try:
            run_cases(
                papers, "neo4j", list(zip(names, variables, shapes, baselines, strict=True)), factory, repeat, http
            )
        finally:
            factory.close()
            store.close()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--papers", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument(
        "--stores",
        nargs="+",
        choices=["embedded", "neo4j"],
        default=["embedded"],
        help="embedded, neo4j or both; neo4j uses NEO4J_URI/USER/PASSWORD and WIPES that database",
    )
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--http", action="store_true", help="also time the queries over HTTP (local uvicorn)")
    args = parser.parse_args(argv)
    print(
        "times in ms; trips = store round trips per request; "
        "base = the reference oracle (tests/graph_oracle.py) (embedded) or one"
    )
    print("hand-written Cypher query, queries/bench_*.cypher (neo4j); api/base = ratio of p50s")
    header = f"{'N':>7} {'store':8} {'query':22} {'rows':>5} {'trips':>5} {'api p50':>9} {'api p99':>9}"
    header += f" {'http p50':>9} {'http p99':>9}" if args.http else ""
    print(header + f" {'base p50':>9} {'base p99':>9} {'api/base':>8}")
    for n in args.papers:
        bench(n, args.seed, args.repeat, args.http, args.stores)


if __name__ == "__main__":
    main()
