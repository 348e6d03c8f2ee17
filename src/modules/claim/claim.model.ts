import { z } from 'zod';

/**
 * A claim: one source's statement of a fact on which sources disagree (see
 * src/modules/write/claims.ts for when claims are made). An entity keeps its claims in its
 * `claims` property, as JSON, so the change log records and reverts them with the entity.
 */
export const claimSchema = z.object({
  field: z.string(),
  /** The fact's columns as the source states them. */
  value: z.record(z.string(), z.unknown()),
  sourceId: z.string().nullable(),
  locator: z.string().nullable(),
  quote: z.string().nullable(),
  recordedAt: z.string(),
  /** Set by an editor (`preferClaim`): shown whatever was stated first. */
  preferred: z.boolean().optional(),
});
export type Claim = z.infer<typeof claimSchema>;

export function parseClaims(text: unknown): Claim[] {
  if (typeof text !== 'string' || text === '') return [];
  return z.array(claimSchema).parse(JSON.parse(text));
}

/** The claim an entity's columns show for a field: the preferred one, else the first stated. */
export function shownClaim(claims: readonly Claim[], field: string): Claim | undefined {
  const ofField = claims.filter((claim) => claim.field === field);
  return ofField.find((claim) => claim.preferred) ?? ofField[0];
}

export function sameClaimValue(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => JSON.stringify(a[key] ?? null) === JSON.stringify(b[key] ?? null));
}

/** Whether sources disagree on any field: two claims of one field with different values. */
export function isDisputed(claims: readonly Claim[]): boolean {
  return claims.some((claim, index) =>
    claims.some((other, at) => at > index && other.field === claim.field && !sameClaimValue(other.value, claim.value)),
  );
}

/**
 * Where a stated value came from: its statement's source, locator and quote, and when it was
 * recorded (for a value stored before any claim, the entity's first statement).
 */
export interface Origin {
  readonly sourceId: string;
  readonly locator: string | null;
  readonly quote: string | null;
  readonly recordedAt: string;
}
