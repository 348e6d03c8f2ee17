import { ChangeFeed, SubscriberTooSlowError } from './change.feed';
import type { ChangeRecord } from './change.model';

const change = (id: string, actor = 'key:a'): ChangeRecord => ({
  id,
  at: '2026-01-01T00:00:00.000Z',
  actor,
  operation: 'createSector',
  sourceId: null,
  revertOf: null,
  entries: [],
});

describe('the live change feed', () => {
  it('hands each subscriber the changes it matches, in order, until it leaves', async () => {
    const feed = new ChangeFeed();
    const mine = feed.subscribe(async (c) => {
      await new Promise((resolve) => setTimeout(resolve, c.id === 'change:1' ? 20 : 0));
      return c.actor === 'key:a';
    });
    feed.publish(change('change:1'));
    feed.publish(change('change:2', 'key:b'));
    feed.publish(change('change:3'));
    expect(((await mine.next()).value as ChangeRecord).id).toBe('change:1');
    expect(((await mine.next()).value as ChangeRecord).id).toBe('change:3');
    expect(feed.size).toBe(1);
    await mine.return?.();
    expect(feed.size).toBe(0);
    expect((await mine.next()).done).toBe(true);
  });

  it('ends a subscription whose client does not read, past its bound', async () => {
    const feed = new ChangeFeed(3);
    const slow = feed.subscribe(() => true);
    for (let index = 0; index < 10; index += 1) feed.publish(change(`change:${index}`));
    await expect(slow.next()).rejects.toBeInstanceOf(SubscriberTooSlowError);
    expect(feed.size).toBe(0);
  });

  it('ends every subscription on close', async () => {
    const feed = new ChangeFeed();
    const waiting = feed.subscribe(() => true).next();
    feed.close();
    expect((await waiting).done).toBe(true);
  });
});
