"""Names and identity, shared by every stage after extraction: the keys names match by (``keys``),
acronym rules (``acronyms``), which surface becomes a node's name and type (``canonical``) and the
index of known entities by name (``alias_index``). Resolution decides with them; the graph, the
stores and the API look names up with them, so all agree on when two names are one.
"""
