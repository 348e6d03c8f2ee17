import { BadUserInputError } from '../errors';
import { decodeCursor, encodeCursor, toPage } from './pagination';

describe('keyset cursors', () => {
  it('round-trips the sort value and id', () => {
    const cursor = encodeCursor({ value: 'Kazakhstan', id: 'region:kz' });
    expect(decodeCursor(cursor)).toEqual({ value: 'Kazakhstan', id: 'region:kz' });
    expect(decodeCursor(encodeCursor({ value: 565000000, id: 'doc:1' }))).toEqual({ value: 565000000, id: 'doc:1' });
  });

  it('belongs to the sort order that issued it', () => {
    const cursor = encodeCursor({ value: 'Kazakhstan', id: 'region:kz' }, 'NAME_ASC');
    expect(decodeCursor(cursor, 'NAME_ASC')).toEqual({ value: 'Kazakhstan', id: 'region:kz' });
    expect(() => decodeCursor(cursor, 'NAME_DESC')).toThrow(/after: is a cursor of another sort order than NAME_DESC/);
    expect(() => decodeCursor(cursor)).toThrow(BadUserInputError);
    expect(() => decodeCursor(encodeCursor({ value: 'Kazakhstan', id: 'region:kz' }), 'NAME_ASC')).toThrow(
      BadUserInputError,
    );
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

  it('counts only when totalCount is read, and once', async () => {
    const count = jest.fn(() => Promise.resolve(7));
    const page = toPage([{ id: 'a' }], 1, (row) => ({ value: row.id, id: row.id }), count).mapNodes((row) => row.id);
    expect(page.nodes).toEqual(['a']);
    expect(count).not.toHaveBeenCalled();
    await expect(page.totalCount).resolves.toBe(7);
    await expect(page.totalCount).resolves.toBe(7);
    expect(count).toHaveBeenCalledTimes(1);
  });

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
    await expect(page.totalCount).resolves.toBe(3);
  });
});
