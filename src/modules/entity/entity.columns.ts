import { z } from 'zod';

import { type Cypher, cypher, identifier } from '../../db/cypher';
import { type EntityType, isEntityType } from './entity.model';
import { type EntityRecord, tieProvenanceColumns } from './entity.record';
import { specOf } from './entity.specs';

/** The entity type of a node, from its labels (every entity node has exactly one). */
export function entityTypeOf(labels: readonly string[]): EntityType | undefined {
  return labels.find(isEntityType);
}

/**
 * The Cypher of an `entityColumn`: the node's properties and labels. Its datetimes come as ISO
 * strings, because the driver decodes each temporal value with 64-bit integer arithmetic in
 * JavaScript, which made decoding the bulk of a deep request's time.
 */
export function projectEntity(variable: Cypher): Cypher {
  return cypher`${variable} {.*, __labels: labels(${variable}), createdAt: toString(${variable}.createdAt), updatedAt: toString(${variable}.updatedAt)}`;
}

/** `projectEntity` as text, for statements not built with `cypher`. */
export function entityProjection(variable: string): string {
  return projectEntity(identifier(variable)).text;
}

/**
 * A row column holding a whole entity node (`entityProjection` in Cypher). Parsed into the record
 * of its type, tagged with `__typename` for GraphQL interfaces and unions.
 */
export const entityColumn = z
  .object({ __labels: z.array(z.string()) })
  .loose()
  .transform((value, ctx): EntityRecord => {
    const type = entityTypeOf(value.__labels);
    if (!type) {
      ctx.addIssue({ code: 'custom', message: `node has no entity label: ${value.__labels.join(',')}` });
      return z.NEVER;
    }
    const parsed = specOf(type).record.safeParse({ ...value, __typename: type });
    if (!parsed.success) {
      ctx.addIssue({ code: 'custom', message: `${type} node ${String(value.id)}: ${parsed.error.message}` });
      return z.NEVER;
    }
    return parsed.data;
  });

/** Narrows a column to one entity type. */
export function entityColumnOf<T extends EntityRecord['__typename']>(type: T) {
  return entityColumn.refine(
    (record): record is Extract<EntityRecord, { __typename: T }> => record.__typename === type,
    {
      message: `expected a ${type} node`,
    },
  );
}

/**
 * The Cypher of a `tieColumn`: the relationship's properties (its details and provenance), its
 * createdAt as text for the reason `projectEntity` gives. Every statement that reads a tie's
 * details projects it with this.
 */
export function projectTie(variable: Cypher): Cypher {
  return cypher`${variable} {.*, createdAt: toString(${variable}.createdAt)}`;
}

/** A row column holding a tie's details and provenance (`projectTie` in Cypher). */
export const tieColumn = z
  .object({
    title: z.string().nullish(),
    role: z.string().nullish(),
    onBehalfOf: z.string().nullish(),
    since: z.string().nullish(),
    sincePrecision: z.string().nullish(),
    until: z.string().nullish(),
    untilPrecision: z.string().nullish(),
    ...tieProvenanceColumns,
  })
  .loose();
export type TieRecord = z.infer<typeof tieColumn>;
