"""Where the Neo4j server is (``NEO4J_*`` environment variables) and one connection to it.

The defaults match ``scripts/neo4j start``: bolt://127.0.0.1:7687, user neo4j, password
kg-test-password, the server's default database.
"""

from __future__ import annotations

from neo4j import Driver, GraphDatabase, NotificationDisabledCategory
from neo4j.exceptions import AuthError, DriverError, Neo4jError, ServiceUnavailable
from pydantic_settings import BaseSettings, SettingsConfigDict

from kg.errors import StoreError

START_HINT = "start one with scripts/neo4j start"


class Neo4jSettings(BaseSettings):
    """Connection settings; ``retry_seconds`` bounds how long a write retries transient errors."""

    model_config = SettingsConfigDict(env_prefix="NEO4J_", extra="ignore")

    uri: str = "bolt://127.0.0.1:7687"
    user: str = "neo4j"
    password: str = "kg-test-password"
    database: str | None = None
    connect_timeout: float = 10.0
    retry_seconds: float = 30.0


def one_line(error: BaseException) -> str:
    """A driver error's message on one line (the driver's own messages span several)."""
    return " ".join(str(error).split())


def connect(settings: Neo4jSettings) -> Driver:
    """A driver whose server answered; StoreError with a one-line hint when it does not."""
    try:
        driver = GraphDatabase.driver(
            settings.uri,
            auth=(settings.user, settings.password),
            connection_timeout=settings.connect_timeout,
            max_transaction_retry_time=settings.retry_seconds,
            # the named queries name every label and type of the model, present or not yet
            notifications_disabled_categories=[NotificationDisabledCategory.UNRECOGNIZED],
        )
    except (ValueError, DriverError) as error:
        raise StoreError(f"bad NEO4J_URI {settings.uri!r}: {one_line(error)}") from error
    try:
        driver.verify_connectivity()
    except AuthError as error:
        driver.close()
        raise StoreError(
            f"Neo4j at {settings.uri} refused user {settings.user!r}: {one_line(error)}; "
            "check NEO4J_USER/NEO4J_PASSWORD"
        ) from error
    except (ServiceUnavailable, DriverError, Neo4jError, OSError) as error:
        driver.close()
        raise StoreError(f"cannot reach Neo4j at {settings.uri}: {one_line(error)}; {START_HINT}") from error
    return driver
