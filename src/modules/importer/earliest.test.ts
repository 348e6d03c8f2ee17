import { Earliest } from './earliest';

describe('Earliest', () => {
  it('keeps the first items in order, the first offered of equals first, and counts them all', () => {
    const earliest = new Earliest<{ row: number; name: string }>(3, (a, b) => a.row - b.row);
    const offered = [
      { row: 9, name: 'a' },
      { row: 4, name: 'b' },
      { row: 7, name: 'c' },
      { row: 4, name: 'd' },
      { row: 12, name: 'e' },
      { row: 1, name: 'f' },
    ];
    offered.forEach((item) => earliest.offer(item));
    expect(earliest.items.map((item) => item.name)).toEqual(['f', 'b', 'd']);
    expect(earliest.count).toBe(6);
  });

  it('keeps everything while there are fewer than the limit', () => {
    const earliest = new Earliest<number>(50, (a, b) => a - b);
    [5, 3, 8].forEach((item) => earliest.offer(item));
    expect(earliest.items).toEqual([3, 5, 8]);
    expect(earliest.count).toBe(3);
  });
});
