"""The Neo4j store: ``store`` (the ``Store`` protocol over the official driver), ``write`` (batched
upserts), ``store_reads`` (what ingest, export and stats read back), ``reads`` (the API's
``GraphReads`` backend), ``names`` (derived names on merge), ``rows`` (node and relationship
properties to and from the graph model), ``schema`` (constraints, indexes, wipes) and ``settings``."""
