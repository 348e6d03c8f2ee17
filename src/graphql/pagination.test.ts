import { BadUserInputError } from '../errors';
import { decodeCursor, encodeCursor, toPage } from './pagination';

describe('keyset cursors', () => {
  it('round-trips the sort value and id', () => {
    const cursor = encodeCursor({ value: 'Kazakhstan', id: 'region:kz' });
    expect(decodeCursor(cursor)).toEqual({ value: 'Kazakhstan', id: 'region:kz' });
    expect(decodeCursor(encodeCursor({ value: 565000000, id: 'doc:1' }))).toEqual({ value: 565000000, id: 'doc:1' });
  });

  it('treats a missing cursor as the first page', () => {
    expect(decodeCursor(undefined)).toBeNull();
    expect(decodeCursor(null)).toBeNull();
  });

  it.each(['garbage', Buffer.from('{"a":1}').toString('base64url'), Buffer.from('[1]').toString('base64url')])(
    'rejects a cursor it did not issue: %s',
    (cursor) => {
      expect(() => decodeCursor(cursor)).toThrow(BadUserInputError);
    },
  );

  it('uses the extra row only to tell that a next page exists', async () => {
    const rows = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    const page = toPage(
      rows,
      2,
      (row) => ({ value: row.id, id: row.id }),
      () => Promise.resolve(3),
    );
    expect(page.nodes).toEqual([{ id: 'a' }, { id: 'b' }]);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(decodeCursor(page.pageInfo.endCursor)).toEqual({ value: 'b', id: 'b' });
    await expect(page.totalCount()).resolves.toBe(3);
  });
});
