"""The Cypher console: ``/cypher``'s endpoint, the guard and plan check that keep it read-only, and a runner per store.

``endpoint`` serves HTTP; ``guard`` (tokens) and ``plan`` (Neo4j's EXPLAIN) refuse what is not a
read; ``runner`` is the contract each store implements (``neo4j``: a READ transaction with a
server-side limit; ``embedded``: grand-cypher in a ``worker`` process); ``slots`` bounds how many run.
"""
