import type { EntityType } from '../entity/entity.model';
import { type ClaimedField, specOf } from '../entity/entity.specs';
import type { TypedProps } from '../history/change.values';
import { type Claim, isDisputed, type Origin, parseClaims, sameClaimValue, shownClaim } from '../claim/claim.model';
import type { EntityWrite } from './write.repository';

/**
 * Statements that disagree. When a source states a value for a fact (a document's total, count,
 * date or status; a figure's value, period or qualifier) that differs from the stored one, and the
 * stored one came from another source, both are kept as claims: the entity's `claims` property
 * holds them (JSON), `disputed` marks it for `conflicts`, and the fact's columns show the
 * preferred claim: the one an editor preferred, else the first stated. A source restating its own
 * claim with another value corrects it; one restating a claimed value confirms it.
 */

function stated(field: ClaimedField, props: Readonly<Record<string, unknown>>): Record<string, unknown> | undefined {
  const columns = field.columns.filter((column) => props[column] !== undefined && props[column] !== null);
  return columns.length === 0 ? undefined : Object.fromEntries(columns.map((column) => [column, props[column]]));
}

function stored(field: ClaimedField, props: TypedProps): Record<string, unknown> {
  return Object.fromEntries(field.columns.flatMap((column) => (props[column] ? [[column, props[column].v]] : [])));
}

/** The fields of a write whose stated value differs from the stored one. */
export function disagreements(type: EntityType, write: EntityWrite, before: TypedProps): ClaimedField[] {
  return (specOf(type).claimed ?? []).filter((field) => {
    const value = stated(field, write.props);
    if (!value) return false;
    const current = stored(field, before);
    if (Object.keys(current).length === 0) return false;
    return Object.entries(value).some(
      ([column, stated]) => JSON.stringify(current[column] ?? null) !== JSON.stringify(stated),
    );
  });
}

/**
 * The write of a restatement, reconciled with the claims: fields on which the source disagrees
 * with the stored claim of another source become claims, and the columns keep showing the shown
 * claim. `origin` says where the stored value came from when there are no claims yet.
 */
export function reconcile(
  type: EntityType,
  write: EntityWrite,
  before: TypedProps,
  origin: Origin | null,
  now: string,
): EntityWrite {
  const fields = specOf(type).claimed ?? [];
  let claims = parseClaims(before.claims?.v);
  const props: Record<string, unknown> = { ...write.props };
  let touched = false;
  for (const field of fields) {
    const value = stated(field, write.props);
    if (!value) continue;
    const ofField = claims.filter((claim) => claim.field === field.field);
    const current = stored(field, before);
    const differs = !sameClaimValue({ ...current, ...value }, current);
    if (ofField.length === 0) {
      // No claims yet: the stored value stands unchallenged unless another source now differs.
      if (!differs || Object.keys(current).length === 0 || origin?.sourceId === write.sourceId) continue;
      claims = [
        ...claims,
        {
          field: field.field,
          value: current,
          sourceId: origin?.sourceId ?? null,
          locator: origin?.locator ?? null,
          quote: origin?.quote ?? null,
          recordedAt: origin?.recordedAt ?? now,
        },
      ];
    }
    const mine = claims.findIndex((claim) => claim.field === field.field && claim.sourceId === write.sourceId);
    const claim: Claim = {
      field: field.field,
      value: { ...(mine >= 0 ? claims[mine]?.value : current), ...value },
      sourceId: write.sourceId,
      locator: write.locator || null,
      quote: write.quote,
      recordedAt: now,
    };
    if (mine >= 0) {
      const previous = claims[mine] as Claim;
      // The same source stating the same value again changes nothing.
      if (sameClaimValue(previous.value, claim.value)) {
        for (const column of field.columns) delete props[column];
        continue;
      }
      claims = claims.map((each, index) =>
        index === mine ? { ...claim, ...(previous.preferred ? { preferred: true } : {}) } : each,
      );
    } else {
      claims = [...claims, claim];
    }
    touched = true;
    const shown = shownClaim(claims, field.field);
    for (const column of field.columns) {
      if (shown && column in shown.value) props[column] = shown.value[column];
      else delete props[column];
    }
  }
  if (!touched) return { ...write, props };
  return { ...write, props: { ...props, claims: JSON.stringify(claims), disputed: isDisputed(claims) } };
}
