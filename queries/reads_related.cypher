// GraphReads.list_related: one page of the nodes carrying one of $labels that are
// members of the family $family (a key, or null: no such condition; members as in
// reads_family_members.cypher), at the far end of every link in $links from its node, and
// among the graph ids $only (null: no such condition); in NodeRecord.sort_key order
// [toLower(name), name, graph id] after the sort key $after (null: from the top), at most
// $first of them, and how many there are in all. With text, the caller asks for all of them and
// matches the text itself; $needles (its words) and $ascii first drop what surely does not match,
// as in reads_matching.cypher (no needles: no such condition).
// A link: {paper, entity, family: the node's key under its kind (null elsewhere), types, outgoing:
// the node's relationships leaving it, incoming: those entering it}, as GraphReads.neighbours.
// $gen says which condition yields the candidates (the others filter them): 'family', 'link'
// ($gen_link, then not in $links), 'ids' (the seek lists $papers, $entities, $families) or
// 'labels' (a scan of each asked label). The links' nodes are found first, so each check is an
// expansion from the candidate to a known node (a link to a missing node allows nothing).
CALL () {
  UNWIND $links AS link
  OPTIONAL CALL (link) {
    MATCH (a:Paper {id: link.paper}) RETURN a
    UNION
    MATCH (a:Entity {key: link.entity}) RETURN a
    UNION
    MATCH (a:Family {key: link.family}) RETURN a
  }
  RETURN collect({node: a, types: link.types, outgoing: link.outgoing, incoming: link.incoming}) AS bound
}
CALL () {
  WITH 1 AS one WHERE $gen = 'family'
  MATCH (:Family {key: $family})<-[:SUBFAMILY_OF*0..]-(g:Family)
  WITH DISTINCT g
  MATCH (x)-[:IS_A]->(g)
  WITH DISTINCT x
  MATCH (n)-[:EXTENDS*0..]->(x)
  RETURN DISTINCT n
  UNION ALL
  WITH 1 AS one WHERE $gen = 'link'
  CALL () {
    MATCH (a:Paper {id: $gen_link.paper}) RETURN a
    UNION
    MATCH (a:Entity {key: $gen_link.entity}) RETURN a
    UNION
    MATCH (a:Family {key: $gen_link.family}) RETURN a
  }
  CALL (a) {
    MATCH (a)-[r]->(n) WHERE $gen_link.outgoing AND ($gen_link.types IS NULL OR type(r) IN $gen_link.types) RETURN n
    UNION
    MATCH (a)<-[r]-(n) WHERE $gen_link.incoming AND ($gen_link.types IS NULL OR type(r) IN $gen_link.types) RETURN n
  }
  RETURN n
  UNION ALL
  WITH 1 AS one WHERE $gen = 'ids'
  UNWIND $papers AS k MATCH (n:Paper {id: k}) RETURN n
  UNION ALL
  WITH 1 AS one WHERE $gen = 'ids'
  UNWIND $entities AS k MATCH (n:Entity {key: k}) RETURN n
  UNION ALL
  WITH 1 AS one WHERE $gen = 'ids'
  UNWIND $families AS k MATCH (n:Family {key: k}) RETURN n
  UNION ALL
  WITH 1 AS one WHERE $gen = 'labels' AND 'Paper' IN $labels MATCH (n:Paper) RETURN n
  UNION ALL
  WITH 1 AS one WHERE $gen = 'labels' AND 'Method' IN $labels MATCH (n:Method) RETURN n
  UNION ALL
  WITH 1 AS one WHERE $gen = 'labels' AND 'Model' IN $labels MATCH (n:Model) RETURN n
  UNION ALL
  WITH 1 AS one WHERE $gen = 'labels' AND 'Dataset' IN $labels MATCH (n:Dataset) RETURN n
  UNION ALL
  WITH 1 AS one WHERE $gen = 'labels' AND 'Benchmark' IN $labels MATCH (n:Benchmark) RETURN n
  UNION ALL
  WITH 1 AS one WHERE $gen = 'labels' AND 'Task' IN $labels MATCH (n:Task) RETURN n
  UNION ALL
  WITH 1 AS one WHERE $gen = 'labels' AND 'Metric' IN $labels MATCH (n:Metric) RETURN n
  UNION ALL
  WITH 1 AS one WHERE $gen = 'labels' AND 'Family' IN $labels MATCH (n:Family) RETURN n
}
WITH n, bound WHERE any(l IN labels(n) WHERE l IN $labels)
  AND ($family IS NULL OR (n:Entity AND any(l IN labels(n) WHERE l IN $techniques)))
WITH n, bound, CASE WHEN n:Paper THEN 'Paper:' + n.id WHEN n:Family THEN 'Family:' + n.key ELSE 'Entity:' + n.key END AS id
WHERE ($only IS NULL OR id IN $only)
  AND all(b IN bound WHERE b.node IS NOT NULL AND (
    (b.outgoing AND EXISTS { MATCH (n)<-[r]-(a) WHERE a = b.node AND (b.types IS NULL OR type(r) IN b.types) })
    OR (b.incoming AND EXISTS { MATCH (n)-[r]->(a) WHERE a = b.node AND (b.types IS NULL OR type(r) IN b.types) })))
  AND (size($needles) = 0 OR all(w IN $needles WHERE any(t IN
        [t IN [n.name, n.title, n.abstract, n.key, id] + coalesce(n.aliases, []) WHERE t IS NOT NULL | toString(t)]
        + CASE WHEN n.null_props IS NULL THEN [] ELSE ['None'] END
      WHERE toLower(t) CONTAINS w OR NOT t =~ $ascii)))
WITH n, id, CASE WHEN n.name <> '' THEN n.name WHEN n.title <> '' THEN n.title ELSE id END AS name
WITH n, [toLower(name), name, id] AS sort ORDER BY sort[0], sort[1], sort[2]
WITH collect({n: n, sort: sort}) AS rows
// (a full sort, then a slice: a Top operator would account the whole list to every row it keeps)
RETURN size(rows) AS total,
       [row IN [row IN rows WHERE $after IS NULL OR row.sort > $after][0..$first] | {labels: labels(row.n), props: properties(row.n)}] AS page
