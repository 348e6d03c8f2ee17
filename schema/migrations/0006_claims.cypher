// Entities on which sources disagree (a second total, another date) carry `disputed: true` while
// they do; `conflicts` seeks them here instead of reading every entity.
CREATE INDEX entity_disputed IF NOT EXISTS FOR (n:Entity) ON (n.disputed);
