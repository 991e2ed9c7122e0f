// The family phrases papers used for each family in $keys (IS_A claims with source $text).
UNWIND $keys AS k
MATCH (f:Family {key: k})
CALL (f) {
  MATCH ()-[r:IS_A]->(f)
  WHERE r.source = $text AND r.surface IS NOT NULL
  RETURN collect(DISTINCT r.surface) AS surfaces
}
RETURN f.key AS key, f.name AS name, surfaces
