import { z } from 'zod';

import { type EntityType, isEntityType } from './entity.model';
import type { EntityRecord } from './entity.record';
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
export function entityProjection(variable: string): string {
  return `${variable} {.*, __labels: labels(${variable}), createdAt: toString(${variable}.createdAt), updatedAt: toString(${variable}.updatedAt)}`;
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
