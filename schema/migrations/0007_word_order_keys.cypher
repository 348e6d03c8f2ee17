// Resolution keys whatever the order of a name's words ("Zhumangarin Serik"): `<Type>:~<words
// without digits, sorted>[ # <words with digits, in their order>]`, as `wordOrderKey` in
// src/modules/entity/entity.model.ts makes them. The oldest entity of such a key keeps it, as in 0004.
MATCH (n:Entity)
WHERE NOT n:Document AND NOT n:Figure
WITH n ORDER BY n.createdAt, n.id
CALL (n) {
  WITH n, [l IN labels(n) WHERE l <> 'Entity'][0] AS type
  UNWIND [n.nameKey] + coalesce(n.aliasKeys, []) AS folded
  WITH n, type, [word IN split(folded, ' ') WHERE word <> ''] AS words
  WITH n, type, [w IN words WHERE NOT w =~ '.*[0-9].*'] AS plain, [w IN words WHERE w =~ '.*[0-9].*'] AS numbered
  WHERE size(plain) > 1
  CALL (plain) {
    UNWIND plain AS word
    WITH word ORDER BY word
    RETURN reduce(joined = '', w IN collect(word) | joined + CASE joined WHEN '' THEN '' ELSE ' ' END + w) AS sorted
  }
  WITH n, type, sorted,
    CASE size(numbered) WHEN 0 THEN '' ELSE ' # ' + reduce(joined = '', w IN numbered | joined + CASE joined WHEN '' THEN '' ELSE ' ' END + w) END AS tail
  MERGE (k:NameKey {key: type + ':~' + sorted + tail})
  ON CREATE SET k.entityId = n.id
} IN TRANSACTIONS OF 1000 ROWS;
