// Every domain node carries :Entity next to its own label. Ids are unique across all entity
// types, so `node(id)` and the provenance of any fact resolve with one index seek.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT official_id IF NOT EXISTS FOR (n:Official) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT region_id IF NOT EXISTS FOR (n:Region) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT forum_id IF NOT EXISTS FOR (n:Forum) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT sector_id IF NOT EXISTS FOR (n:Sector) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT figure_id IF NOT EXISTS FOR (n:Figure) REQUIRE n.id IS UNIQUE;

// Names resolve entities during ingestion ("the same official is never duplicated") and back
// the default sort order of every list.
CREATE INDEX entity_name_key IF NOT EXISTS FOR (n:Entity) ON (n.nameKey);
CREATE INDEX official_name IF NOT EXISTS FOR (n:Official) ON (n.name);
CREATE INDEX region_name IF NOT EXISTS FOR (n:Region) ON (n.name);
CREATE INDEX organization_name IF NOT EXISTS FOR (n:Organization) ON (n.name);
CREATE INDEX forum_name IF NOT EXISTS FOR (n:Forum) ON (n.name);
CREATE INDEX document_name IF NOT EXISTS FOR (n:Document) ON (n.name);
CREATE INDEX sector_name IF NOT EXISTS FOR (n:Sector) ON (n.name);
CREATE INDEX source_name IF NOT EXISTS FOR (n:Source) ON (n.name);
CREATE INDEX figure_name IF NOT EXISTS FOR (n:Figure) ON (n.name);

CREATE INDEX region_iso2 IF NOT EXISTS FOR (n:Region) ON (n.iso2);
CREATE INDEX region_iso_numeric IF NOT EXISTS FOR (n:Region) ON (n.isoNumeric);
CREATE INDEX document_kind IF NOT EXISTS FOR (n:Document) ON (n.kind);
CREATE INDEX document_signed_on IF NOT EXISTS FOR (n:Document) ON (n.signedOn);
CREATE INDEX document_value IF NOT EXISTS FOR (n:Document) ON (n.valueAmount);
CREATE INDEX forum_date IF NOT EXISTS FOR (n:Forum) ON (n.date);
CREATE INDEX figure_metric IF NOT EXISTS FOR (n:Figure) ON (n.metric);

// Full-text search over every entity type. `searchText` holds the name and all aliases;
// the folding analyzer makes matches case- and accent-insensitive.
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS
FOR (n:Official|Region|Organization|Forum|Document|Sector|Source|Figure) ON EACH [n.searchText]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: false } };
