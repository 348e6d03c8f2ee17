// Every list order walks an index of its sort property (src/modules/entity/entity.list.repository.ts):
// names and the document and forum dates have theirs since 0001; figure periods and source
// publication dates are the DATE orders of those lists.
CREATE INDEX figure_period IF NOT EXISTS FOR (n:Figure) ON (n.period);
CREATE INDEX source_published_on IF NOT EXISTS FOR (n:Source) ON (n.publishedOn);
