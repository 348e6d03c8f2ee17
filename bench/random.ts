/**
 * Seeded randomness for the data generator: the same seed gives the same graph on every machine,
 * so cached databases, chosen query parameters and published figures can be reproduced.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    // mulberry32 needs a non-zero 32-bit state; mixing the seed spreads small seeds apart.
    this.state = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) >>> 0 || 1;
  }

  /** A float in [0, 1) (mulberry32: small, fast and good enough for test data). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new RangeError('pick from an empty list');
    return item;
  }

  /** Picks by weight; `weights` need not sum to 1. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((sum, [, weight]) => sum + weight, 0);
    let point = this.next() * total;
    for (const [item, weight] of items) {
      point -= weight;
      if (point < 0) return item;
    }
    const last = items.at(-1);
    if (!last) throw new RangeError('weighted pick from an empty list');
    return last[0];
  }

  /** A value spread evenly over orders of magnitude, from `min` to `max`. */
  logUniform(min: number, max: number): number {
    return Math.exp(Math.log(min) + this.next() * (Math.log(max) - Math.log(min)));
  }
}

/**
 * Ranks drawn with probability proportional to 1 / rank^exponent: rank 0 is drawn most, and a
 * handful of ranks take most draws, the way a few countries and officials dominate real records.
 */
export class Zipf {
  private readonly cumulative: Float64Array;

  constructor(
    readonly size: number,
    exponent: number,
  ) {
    if (size < 1) throw new RangeError('a Zipf distribution needs at least one rank');
    this.cumulative = new Float64Array(size);
    let sum = 0;
    for (let rank = 0; rank < size; rank += 1) {
      sum += 1 / Math.pow(rank + 1, exponent);
      this.cumulative[rank] = sum;
    }
    for (let rank = 0; rank < size; rank += 1) this.cumulative[rank] = (this.cumulative[rank] ?? 0) / sum;
  }

  /** A rank in [0, size). */
  draw(random: Random): number {
    const point = random.next();
    let low = 0;
    let high = this.size - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.cumulative[middle] ?? 1) < point) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** `count` distinct ranks (count must not exceed size). */
  drawDistinct(random: Random, count: number): number[] {
    const chosen = new Set<number>();
    while (chosen.size < Math.min(count, this.size)) chosen.add(this.draw(random));
    return [...chosen];
  }
}
