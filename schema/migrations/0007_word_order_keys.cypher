// Resolution keys whatever the order of a name's words ("Zhumangarin Serik"): `<Type>:~<words,
// sorted>`, as `wordOrderKey` in src/modules/entity/entity.model.ts makes them. The oldest entity
// of such a key keeps it, as in 0004.
MATCH (n:Entity)
WHERE NOT n:Document AND NOT n:Figure
WITH n ORDER BY n.createdAt, n.id
CALL (n) {
  WITH n, [l IN labels(n) WHERE l <> 'Entity'][0] AS type
  UNWIND [n.nameKey] + coalesce(n.aliasKeys, []) AS folded
  WITH n, type, [word IN split(folded, ' ') WHERE word <> ''] AS words
  WHERE size(words) > 1
  CALL (words) {
    UNWIND words AS word
    WITH word ORDER BY word
    RETURN reduce(joined = '', w IN collect(word) | joined + CASE joined WHEN '' THEN '' ELSE ' ' END + w) AS sorted
  }
  MERGE (k:NameKey {key: type + ':~' + sorted})
  ON CREATE SET k.entityId = n.id
} IN TRANSACTIONS OF 1000 ROWS;
