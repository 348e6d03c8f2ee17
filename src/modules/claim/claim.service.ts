import { decodeCursor, type Page, type PageArgs, toPage } from '../../graphql/pagination';
import type { EntityType } from '../entity/entity.model';
import { type EntityObject, toEntityObject } from '../entity/entity.mapper';
import { type Claim as StoredClaim, isDisputed, parseClaims, shownClaim } from './claim.model';
import type { ClaimRepository } from './claim.repository';
import type { Claim, Conflict } from './claim.type';

const ORDER = 'CONFLICTS';

/** An entity's claims as the API shows them, of one field or all. */
export function claimsOf(entity: Readonly<Record<string, unknown>>, field?: string | null): Claim[] {
  const stored = parseClaims(entity.claims);
  const fields = [...new Set(stored.map((claim) => claim.field))].filter((name) => !field || name === field);
  return fields.flatMap((name) => {
    const shown = shownClaim(stored, name);
    return stored
      .filter((claim) => claim.field === name)
      .map((claim: StoredClaim) => ({
        field: claim.field,
        value: claim.value,
        sourceId: claim.sourceId,
        locator: claim.locator,
        quote: claim.quote,
        recordedAt: claim.recordedAt,
        preferred: claim.preferred ?? false,
        shown: claim === shown,
      }));
  });
}

/** The fields of an entity on which its claims disagree. */
function disputedFields(entity: Readonly<Record<string, unknown>>): string[] {
  const stored = parseClaims(entity.claims);
  return [...new Set(stored.map((claim) => claim.field))].filter((field) =>
    isDisputed(stored.filter((claim) => claim.field === field)),
  );
}

export class ClaimService {
  constructor(private readonly repository: ClaimRepository) {}

  /** The entities sources disagree on, in id order, each with the facts in dispute and their claims. */
  async conflicts(type: EntityType | null, page: PageArgs): Promise<Page<Conflict & { id: string }>> {
    const after = decodeCursor(page.after, ORDER)?.id ?? null;
    const records = await this.repository.disputed(type, after, page.first + 1);
    const conflicts = records.map((record) => {
      const entity: EntityObject = toEntityObject(record);
      const fields = disputedFields(entity);
      return {
        id: entity.id,
        entity,
        fields,
        claims: claimsOf(entity).filter((claim) => fields.includes(claim.field)),
      };
    });
    return toPage(
      conflicts,
      page.first,
      (conflict) => ({ value: conflict.id, id: conflict.id }),
      () => this.repository.disputedCount(type),
      ORDER,
    );
  }
}
