"""schema/*.cypher on a real server: every key constrained, applying twice changes nothing; open_store errors."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from _neo4jkit import fresh_store, settings
from neo4j.exceptions import ConstraintError

from kg.errors import StoreError
from kg.store import Neo4jStore, open_store
from kg.store.neo4j.schema import apply_schema, init_db

KEYS = {
    "Paper": "id",
    "Entity": "key",
    "Family": "key",
    "Method": "key",
    "Model": "key",
    "Dataset": "key",
    "Benchmark": "key",
    "Task": "key",
    "Metric": "key",
}
SHOW_CONSTRAINTS = (
    "SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties RETURN name, type, labelsOrTypes, properties"
)
SHOW_INDEXES = (
    "SHOW INDEXES YIELD name, type, labelsOrTypes, properties, state "
    "RETURN name, type, labelsOrTypes, properties, state"
)


@pytest.fixture
def store() -> Iterator[Neo4jStore]:
    s = fresh_store()
    yield s
    s.close()


def _schema(store: Neo4jStore) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    driver = store._live()
    constraints = sorted(
        (r.data() for r in driver.execute_query(SHOW_CONSTRAINTS).records), key=lambda r: str(r["name"])
    )
    indexes = sorted((r.data() for r in driver.execute_query(SHOW_INDEXES).records), key=lambda r: str(r["name"]))
    return constraints, indexes


def test_every_node_key_has_a_uniqueness_constraint(store: Neo4jStore) -> None:
    assert init_db(settings()) >= len(KEYS)
    constraints, indexes = _schema(store)
    unique = {(c["labelsOrTypes"][0], c["properties"][0]) for c in constraints if c["type"] == "UNIQUENESS"}  # type: ignore[index]
    assert set(KEYS.items()) <= unique
    fulltext = {i["name"]: i for i in indexes if i["type"] == "FULLTEXT"}
    assert fulltext["entity_names"]["properties"] == ["name", "aliases_text"]
    assert {"outperforms_paper", "is_a_paper", "extends_paper", "comparable_to_paper"} <= {i["name"] for i in indexes}
    assert all(i["state"] == "ONLINE" for i in indexes)


def test_applying_the_schema_twice_is_a_no_op(store: Neo4jStore) -> None:
    apply_schema(store._live())
    before = _schema(store)
    apply_schema(store._live())
    init_db(settings())
    assert _schema(store) == before


def test_the_constraints_hold(store: Neo4jStore) -> None:
    apply_schema(store._live())
    driver = store._live()
    driver.execute_query("CREATE (:Entity:Method {key: 'dup'})")
    with pytest.raises(ConstraintError):
        driver.execute_query("CREATE (:Entity:Task {key: 'dup'})")


def test_full_text_index_finds_entities_by_alias(store: Neo4jStore) -> None:
    from _storekit import LORA_SB, SB_RECORD, SORA, SORA_RECORD

    from kg.pipeline import ingest

    ingest(store, [LORA_SB, SORA], [SB_RECORD, SORA_RECORD])
    records = (
        store._live()
        .execute_query(
            "CALL db.index.fulltext.queryNodes('entity_names', $q) YIELD node RETURN node.key AS key",
            q='"low-rank adaptation"',
        )
        .records
    )
    assert "lora" in [r["key"] for r in records]


def test_open_store_says_how_to_start_a_server(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEO4J_URI", "bolt://127.0.0.1:1")
    monkeypatch.setenv("NEO4J_CONNECT_TIMEOUT", "2")
    with pytest.raises(
        StoreError, match=r"^cannot reach Neo4j at bolt://127\.0\.0\.1:1: .*; start one with scripts/neo4j start$"
    ):
        open_store("neo4j")


def test_open_store_reports_bad_credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEO4J_URI", settings().uri)
    monkeypatch.setenv("NEO4J_PASSWORD", "not-the-password")
    with pytest.raises(StoreError, match="refused user 'neo4j'"):
        open_store("neo4j")


def test_open_store_neo4j(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEO4J_URI", settings().uri)
    with open_store("neo4j") as s:  # type: ignore[attr-defined]
        assert isinstance(s, Neo4jStore)
        assert s.settings.uri == settings().uri
