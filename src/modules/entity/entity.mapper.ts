import { type PartialDate, toPartialDate } from '../../graphql/partial-date';
import { ValueQualifier } from './entity.enums';
import type { EntityRecord } from './entity.record';

type Graph<R, Dates extends string> = Omit<R, Dates> & Record<string, unknown>;

/** The GraphQL shape of an entity: stored date/precision pairs become PartialDates, value columns Money. */
export type EntityObject = Graph<EntityRecord, never> & { __typename: EntityRecord['__typename'] };

// A prefetched entity reached from many places is mapped once; nothing changes a mapped object.
const mapped = new WeakMap<EntityRecord, EntityObject>();

export function toEntityObject(record: EntityRecord): EntityObject {
  let object = mapped.get(record);
  if (!object) {
    object = map(record);
    mapped.set(record, object);
  }
  return object;
}

function map(record: EntityRecord): EntityObject {
  switch (record.__typename) {
    case 'Forum':
      return { ...record, date: toPartialDate(record.date, record.datePrecision) };
    case 'Document':
      return {
        ...record,
        signedOn: toPartialDate(record.signedOn, record.signedOnPrecision),
        inForceOn: toPartialDate(record.inForceOn, record.inForcePrecision),
        value:
          record.valueAmount === null
            ? null
            : {
                amount: record.valueAmount,
                currency: record.valueCurrency ?? 'USD',
                qualifier: record.valueQualifier ?? ValueQualifier.EXACT,
              },
      };
    case 'Source':
      return { ...record, publishedOn: toPartialDate(record.publishedOn, record.publishedPrecision) };
    case 'Figure':
      return { ...record, period: toPartialDate(record.period, record.periodPrecision) };
    case 'Region':
    case 'Organization':
    case 'Official':
    case 'Sector':
      return record;
  }
}

export type { PartialDate };
