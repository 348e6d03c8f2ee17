/**
 * The first `limit` items in `order` out of any number offered, and how many were offered: what
 * a summary lists one by one, kept in bounded memory however many there are. Items that `order`
 * ranks equal stay in the order they were offered.
 */
export class Earliest<T> {
  private readonly kept: T[] = [];
  private offered = 0;

  constructor(
    private readonly limit: number,
    private readonly order: (a: T, b: T) => number,
  ) {}

  get count(): number {
    return this.offered;
  }

  /** The items kept, in order. */
  get items(): readonly T[] {
    return this.kept;
  }

  offer(item: T): void {
    this.offered += 1;
    let at = this.kept.length;
    while (at > 0 && this.order(item, this.kept[at - 1] as T) < 0) at -= 1;
    if (at >= this.limit) return;
    this.kept.splice(at, 0, item);
    if (this.kept.length > this.limit) this.kept.pop();
  }
}
