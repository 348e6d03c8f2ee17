// The change log (docs/decisions/change-log.md): one Change node per write transaction, written in
// that transaction. Reads of the graph never touch these labels.
CREATE CONSTRAINT change_id IF NOT EXISTS FOR (c:Change) REQUIRE c.id IS UNIQUE;
CREATE INDEX change_at IF NOT EXISTS FOR (c:Change) ON (c.at);
CREATE INDEX change_revert_of IF NOT EXISTS FOR (c:Change) ON (c.revertOf);

// What each change touched, as words: entity ids and digests of ties and keys. The whitespace
// analyzer keeps an id (`region:cn-xj`) one word, so `history(id)` is one index lookup.
CREATE FULLTEXT INDEX change_subjects IF NOT EXISTS
FOR (c:Change) ON EACH [c.subjectText]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'whitespace', `fulltext.eventually_consistent`: false } };
