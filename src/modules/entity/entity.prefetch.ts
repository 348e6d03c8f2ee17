import type { Direction, EntityType, Traversable } from './entity.model';

/**
 * What a request will read from a set of entities, beyond the entities themselves: their
 * provenance and the ties it will follow, recursively. `EntityRepository.prefetch` turns a plan
 * into one Cypher statement. A plan says nothing about GraphQL; `src/modules/entity/entity.planner.ts` makes
 * one from a request's selection.
 */
export interface PrefetchPlan {
  readonly sources: boolean;
  readonly follows: readonly PrefetchFollow[];
}

export interface PrefetchFollow {
  readonly tie: Traversable;
  readonly direction: Direction;
  /** Whether a field reads the ties themselves (signatures, positions), not only what they reach. */
  readonly details: boolean;
  /** Follow it only from entities of these types; null: from every entity at this position. */
  readonly anchors: readonly EntityType[] | null;
  /** What to read from the entities it reaches. */
  readonly next: PrefetchPlan;
  /** For ties that act for someone (signatures, attendance): what to read from that party, if asked. */
  readonly behalf: PrefetchPlan | null;
}

export function isEmptyPlan(plan: PrefetchPlan): boolean {
  return !plan.sources && plan.follows.length === 0;
}

/**
 * Collects a plan for the entities at one position of a request. Fields of several types that
 * follow the same tie the same way share one load.
 */
export class PrefetchPlanBuilder {
  private sources = false;
  private readonly follows = new Map<string, FollowBuilder>();
  private readonly types = new Set<EntityType>();

  /** Entities of these types may be at this position. */
  addTypes(types: readonly EntityType[]): void {
    for (const type of types) this.types.add(type);
  }

  readSources(): void {
    this.sources = true;
  }

  /** The load of `tie` in `direction` from entities of type `anchor`, with the builder of what follows. */
  follow(tie: Traversable, direction: Direction, anchor: EntityType): FollowBuilder {
    const key = `${direction} ${tie}`;
    let found = this.follows.get(key);
    if (!found) {
      found = new FollowBuilder(tie, direction, new PrefetchPlanBuilder());
      this.follows.set(key, found);
    }
    found.anchors.add(anchor);
    return found;
  }

  build(): PrefetchPlan {
    return {
      sources: this.sources,
      follows: [...this.follows.values()].map((follow) => ({
        tie: follow.tie,
        direction: follow.direction,
        details: follow.details,
        anchors: [...this.types].every((type) => follow.anchors.has(type)) ? null : [...follow.anchors].sort(),
        next: follow.next.build(),
        behalf: follow.behalf?.build() ?? null,
      })),
    };
  }
}

export class FollowBuilder {
  readonly anchors = new Set<EntityType>();
  behalf: PrefetchPlanBuilder | null = null;
  details = false;

  constructor(
    readonly tie: Traversable,
    readonly direction: Direction,
    readonly next: PrefetchPlanBuilder,
  ) {}

  /** A field reads the ties' own properties. */
  readDetails(): void {
    this.details = true;
  }

  /** The builder for the party the ties act for (`onBehalfOf`), made on first use. */
  onBehalfOf(): PrefetchPlanBuilder {
    this.behalf ??= new PrefetchPlanBuilder();
    return this.behalf;
  }
}
