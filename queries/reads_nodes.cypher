// GraphReads.get_nodes: the nodes with these graph ids, split by the caller into paper ids,
// entity keys and family keys (each list seeks its key constraint's index).
CALL () {
  UNWIND $papers AS k MATCH (n:Paper {id: k}) RETURN n
  UNION
  UNWIND $entities AS k MATCH (n:Entity {key: k}) RETURN n
  UNION
  UNWIND $families AS k MATCH (n:Family {key: k}) RETURN n
}
RETURN labels(n) AS labels, properties(n) AS props
