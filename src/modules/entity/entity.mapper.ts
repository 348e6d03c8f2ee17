import type { EntityRecord } from './entity.record';
import { type EntityObject, specOf } from './entity.specs';

export type { EntityObject };

// A prefetched entity reached from many places is mapped once; nothing changes a mapped object.
const mapped = new WeakMap<EntityRecord, EntityObject>();

/** The GraphQL object of a stored record, as its type's spec maps it. */
export function toEntityObject(record: EntityRecord): EntityObject {
  let object = mapped.get(record);
  if (!object) {
    object = specOf(record.__typename).toObject(record);
    mapped.set(record, object);
  }
  return object;
}
