import { PART_OF_DEPTH } from '../entity/entity.parts';
import { type FeedFilter, type FeedRead, type FeedSource, feedParameters, feedStatement } from './history.repository';

/** Translate tests: the text and parameters of the change feed's statements, without a database. */
const NO_FILTER: FeedFilter = { since: null, until: null, actor: null, type: null, region: null, subjects: null };
const unpassed = (read: readonly string[], passed: object) =>
  read.filter((name) => !Object.keys(passed).includes(name));

describe('change feed statements', () => {
  it('read only parameters the repository passes', () => {
    const filter = { ...NO_FILTER, subjects: ['entity:a'] };
    const page = feedParameters.page(filter, 'change:9', 10);
    const count = feedParameters.filter(filter);
    const matches = feedParameters.matches('change:1', filter);
    for (const source of ['all', 'subjects'] as const) {
      expect(unpassed(feedStatement(source, 'page').parameters, page)).toEqual([]);
      expect(unpassed(feedStatement(source, 'count').parameters, count)).toEqual([]);
    }
    expect(unpassed(feedStatement('one', 'matches').parameters, matches)).toEqual([]);
    expect([...feedStatement('subjects', 'page').parameters].sort()).toEqual([
      'actor',
      'after',
      'limit',
      'region',
      'since',
      'type',
      'until',
      'words',
    ]);
    expect([...feedStatement('one', 'matches').parameters].sort()).toEqual([
      'actor',
      'id',
      'region',
      'since',
      'type',
      'until',
    ]);
  });

  it('page after a change only in a page', () => {
    const after = '($after IS NULL OR c.id < $after)';
    expect(feedStatement('all', 'page').text).toContain(`WHERE ${after}`);
    for (const [source, read] of [
      ['all', 'count'],
      ['subjects', 'count'],
      ['one', 'matches'],
    ] as [FeedSource, FeedRead][]) {
      expect(feedStatement(source, read).text).toContain('WHERE true\n    AND ($since IS NULL');
      expect(feedStatement(source, read).text).not.toContain('$after');
    }
  });

  it('start from the full-text index for subjects, else from the changes', () => {
    const subjects = "CALL db.index.fulltext.queryNodes('change_subjects', $words) YIELD node AS c\n   WITH c, regions";
    expect(feedStatement('subjects', 'page').text).toContain(subjects);
    expect(feedStatement('subjects', 'count').text).toContain(subjects);
    expect(feedStatement('all', 'page').text).toContain('MATCH (c:Change)\n');
    expect(feedStatement('all', 'page').text).not.toContain('$words');
    expect(feedStatement('one', 'matches').text).toContain('MATCH (c:Change {id: $id})');
  });

  it('end with a page newest first, a count, or whether one passes', () => {
    expect(feedStatement('all', 'page').text).toMatch(/ORDER BY c\.id DESC\s+LIMIT toInteger\(\$limit\)$/);
    expect(feedStatement('all', 'count').text).toMatch(/RETURN count\(c\) AS count$/);
    expect(feedStatement('one', 'matches').text).toMatch(/RETURN count\(c\) > 0 AS matches$/);
  });

  it('scope a region to its parts to one depth', () => {
    const text = feedStatement('all', 'page').text;
    expect(text).toContain(`OPTIONAL MATCH (scope)<-[:PART_OF*0..${PART_OF_DEPTH}]-(part:Region)`);
    expect([...text.matchAll(/PART_OF\*/g)]).toHaveLength(1);
  });
});
