import { BadUserInputError } from '../../errors';
import { decodeCursor, type Page, toPage } from '../../graphql/pagination';
import type { EntityType } from '../entity/entity.model';
import { resolvesByName } from '../entity/entity.specs';
import type { DuplicatesRepository } from './duplicates.repository';
import {
  blockingKeys,
  MOST_FROM_SURROUNDINGS,
  nameReasons,
  type Profile,
  type Reason,
  scoreOf,
  surroundingReasons,
  worthALook,
} from './duplicates.score';

/**
 * The bounds of one search. Blocking reads every entity of the type once (a list of names, a few
 * MB at 100,000) and compares only pairs that share a blocking key: a block larger than
 * `blockSize` says too little to be worth its pairs (a common word), and past `comparisons` the
 * search stops. Either is reported (`work`), so an answer never passes for complete when it is not.
 */
export const DUPLICATE_LIMITS = {
  entities: 200_000,
  blockSize: 100,
  comparisons: 500_000,
  /** Entities whose surroundings are read; pairs beyond are scored on their names and codes. */
  surroundings: 20_000,
} as const;

export const DEFAULT_MIN_SCORE = 0.8;
const ORDER = 'DUPLICATES';

export interface DuplicateCandidate {
  /** `left id` + space + `right id`, the left one first in id order. */
  readonly id: string;
  readonly leftId: string;
  readonly rightId: string;
  readonly leftName: string;
  readonly rightName: string;
  readonly score: number;
  readonly reasons: readonly Reason[];
}

export interface DuplicateWork {
  readonly entities: number;
  readonly blocks: number;
  readonly oversizedBlocks: number;
  readonly comparisons: number;
  /** Whether a limit cut the search (more entities, comparisons or surroundings than allowed). */
  readonly capped: boolean;
  readonly limits: typeof DUPLICATE_LIMITS;
}

export interface DuplicateSearch {
  readonly candidates: DuplicateCandidate[];
  readonly work: DuplicateWork;
}

export class DuplicatesService {
  constructor(private readonly repository: DuplicatesRepository) {}

  /** Every candidate pair of a type scoring at least `minScore`, best first. */
  async search(type: EntityType, minScore: number): Promise<DuplicateSearch> {
    if (!resolvesByName(type)) {
      throw BadUserInputError.forField(
        'type',
        `${type} entities are never matched by name (two reports of "five agreements" are not one fact)`,
      );
    }
    const read = await this.repository.profiles(type, DUPLICATE_LIMITS.entities + 1);
    let capped = read.length > DUPLICATE_LIMITS.entities;
    const profiles = read.slice(0, DUPLICATE_LIMITS.entities);

    const blocks = new Map<string, number[]>();
    profiles.forEach((profile, index) => {
      for (const key of blockingKeys(profile)) {
        const members = blocks.get(key);
        if (members) members.push(index);
        else blocks.set(key, [index]);
      }
    });

    const seen = new Set<number>();
    const found: { left: Profile; right: Profile; reasons: Reason[] }[] = [];
    let comparisons = 0;
    let oversizedBlocks = 0;
    const keys = [...blocks.keys()].sort();
    search: for (const key of keys) {
      const members = blocks.get(key) ?? [];
      if (members.length < 2) continue;
      if (members.length > DUPLICATE_LIMITS.blockSize) {
        oversizedBlocks += 1;
        continue;
      }
      for (let i = 0; i < members.length; i += 1) {
        for (let j = i + 1; j < members.length; j += 1) {
          const a = members[i] as number;
          const b = members[j] as number;
          // Profiles are in id order, so the lower index is the left one.
          const pair = Math.min(a, b) * profiles.length + Math.max(a, b);
          if (seen.has(pair)) continue;
          if (comparisons >= DUPLICATE_LIMITS.comparisons) {
            capped = true;
            break search;
          }
          seen.add(pair);
          comparisons += 1;
          const left = profiles[Math.min(a, b)] as Profile;
          const right = profiles[Math.max(a, b)] as Profile;
          const reasons = nameReasons(left, right);
          if (worthALook(reasons) && scoreOf(reasons) + MOST_FROM_SURROUNDINGS >= minScore) {
            found.push({ left, right, reasons });
          }
        }
      }
    }

    const ids = [...new Set(found.flatMap(({ left, right }) => [left.id, right.id]))];
    if (ids.length > DUPLICATE_LIMITS.surroundings) capped = true;
    const around = await this.repository.surroundings(ids.slice(0, DUPLICATE_LIMITS.surroundings));
    const candidates = found
      .map(({ left, right, reasons }) => {
        const l = around.get(left.id);
        const r = around.get(right.id);
        const all = l && r ? [...reasons, ...surroundingReasons(l, r)] : reasons;
        return {
          id: `${left.id} ${right.id}`,
          leftId: left.id,
          rightId: right.id,
          leftName: left.name,
          rightName: right.name,
          score: scoreOf(all),
          reasons: all,
        };
      })
      .filter((candidate) => candidate.score >= minScore)
      .sort((a, b) => b.score - a.score || compareIds(a.id, b.id));
    return {
      candidates,
      work: {
        entities: profiles.length,
        blocks: blocks.size,
        oversizedBlocks,
        comparisons,
        capped,
        limits: DUPLICATE_LIMITS,
      },
    };
  }

  /** One page of `search`, after a cursor of an earlier page (score, then pair id). */
  async page(
    type: EntityType,
    minScore: number,
    page: { first: number; after?: string | null },
  ): Promise<Page<DuplicateCandidate> & { work: DuplicateWork }> {
    const after = decodeCursor(page.after, ORDER);
    const { candidates, work } = await this.search(type, minScore);
    const start =
      after === null
        ? 0
        : candidates.findIndex(
            (candidate) =>
              candidate.score < Number(after.value) ||
              (candidate.score === Number(after.value) && compareIds(candidate.id, after.id) > 0),
          );
    const rest = start < 0 ? [] : candidates.slice(start, start + page.first + 1);
    const result = toPage(
      rest,
      page.first,
      (candidate) => ({ value: candidate.score, id: candidate.id }),
      () => Promise.resolve(candidates.length),
      ORDER,
    );
    return Object.assign(result, { work });
  }
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
