// Resolution keys: one NameKey node per entity type and folded name or alias ("Sector:energy"),
// naming the entity it resolves to. The uniqueness constraint is what keeps two concurrent writers
// from creating two entities of one name: a writer MERGEs the keys it resolves by, so a second
// writer of the same key waits for the first to commit and then finds its entity.
CREATE CONSTRAINT name_key_unique IF NOT EXISTS FOR (k:NameKey) REQUIRE k.key IS UNIQUE;
CREATE INDEX name_key_entity IF NOT EXISTS FOR (k:NameKey) ON (k.entityId);

// Keys for the entities written before this migration: the oldest entity of a name keeps it.
MATCH (n:Entity)
WHERE NOT n:Document AND NOT n:Figure
WITH n ORDER BY n.createdAt, n.id
CALL (n) {
  WITH n, [l IN labels(n) WHERE l <> 'Entity'][0] AS type
  UNWIND [n.nameKey] + coalesce(n.aliasKeys, []) AS folded
  WITH n, type, folded WHERE folded IS NOT NULL AND folded <> ''
  MERGE (k:NameKey {key: type + ':' + folded})
  ON CREATE SET k.entityId = n.id
} IN TRANSACTIONS OF 1000 ROWS;
