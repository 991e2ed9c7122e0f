// GraphReads.lookup / resolve: every entity or family a name may mean, with how many MENTIONS
// point at it; the caller ranks them in Python. $requests: one {key: entity_key(name), target:
// match_key(name), labels: the labels it may have, Entity left out} per name. First the nodes
// whose key is the name's key (index seeks); a name that finds one of its labels there is
// answered, and only the others' targets are looked for among keys, names and aliases
// (match_key, match_name, match_aliases: a scan of the families only when some such name may
// be one; for entities, the full-text index entity_match_keys narrows it first when the caller
// gives $entity_query, every target OR-ed as one Lucene term, else a scan).
UNWIND $requests AS q
OPTIONAL MATCH (e:Entity {key: q.key})
OPTIONAL MATCH (f:Family {key: q.key})
WITH q, e, f,
     (e IS NOT NULL AND any(l IN labels(e) WHERE l IN q.labels)) OR (f IS NOT NULL AND 'Family' IN q.labels) AS direct
WITH collect(e) + collect(f) AS found,
     [x IN collect(CASE WHEN NOT direct AND any(l IN q.labels WHERE l <> 'Family') THEN q.target END) WHERE x <> ''] AS entity_targets,
     [x IN collect(CASE WHEN NOT direct AND 'Family' IN q.labels THEN q.target END) WHERE x <> ''] AS family_targets
CALL (found, entity_targets, family_targets) {
  UNWIND found AS n RETURN n
  UNION
  WITH entity_targets WHERE size(entity_targets) > 0 AND $entity_query IS NULL
  MATCH (n:Entity)
  WHERE n.match_key IN entity_targets OR n.match_name IN entity_targets OR any(a IN n.match_aliases WHERE a IN entity_targets)
  RETURN n
  UNION
  WITH entity_targets WHERE size(entity_targets) > 0 AND $entity_query IS NOT NULL
  CALL db.index.fulltext.queryNodes('entity_match_keys', $entity_query, {limit: 100000000}) YIELD node
  WITH node AS n, entity_targets
  WHERE n.match_key IN entity_targets OR n.match_name IN entity_targets OR any(a IN n.match_aliases WHERE a IN entity_targets)
  RETURN n
  UNION
  WITH family_targets WHERE size(family_targets) > 0
  MATCH (n:Family)
  WHERE n.match_key IN family_targets OR n.match_name IN family_targets OR any(a IN n.match_aliases WHERE a IN family_targets)
  RETURN n
}
RETURN labels(n) AS labels, properties(n) AS props, COUNT { ()-[:MENTIONS]->(n) } AS mentions
