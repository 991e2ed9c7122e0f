"""GraphQL API over any store's ``GraphReads``: the schema, the web app, and ways to run it."""

from kg.api.app import create_app
from kg.api.embedded import embedded_reads
from kg.api.run import parse_variables, run_query, serve
from kg.api.schema import schema, sdl

__all__ = ["create_app", "embedded_reads", "parse_variables", "run_query", "schema", "sdl", "serve"]
