import neo4j from 'neo4j-driver';
import { z } from 'zod';

/**
 * A stored property value with its Neo4j type, as the change log keeps it: JSON cannot tell an
 * INTEGER from a FLOAT or a datetime from a string, and a revert must write back exactly what was
 * there (`count: 5` is an INTEGER, `valueAmount: 565000000` a FLOAT).
 */
export interface TypedValue {
  /** Neo4j's `valueType()` without its NOT NULL suffixes: `INTEGER`, `LIST<STRING>`, `ZONED DATETIME`. */
  readonly t: string;
  readonly v: unknown;
}

/** A node's or relationship's properties, each with its type. */
export type TypedProps = Readonly<Record<string, TypedValue>>;

/**
 * Cypher for the typed properties of a node or relationship variable: `[key, type, value]`
 * triples. Only a fixed variable name is ever spliced in.
 */
export function typedPropsCypher(variable: 'n' | 'r'): string {
  return `[key IN keys(${variable}) | [key, valueType(${variable}[key]), ${variable}[key]]]`;
}

/** The row shape of `typedPropsCypher` (datetimes arrive as ISO text, integers as numbers). */
export const typedPropsColumn = z
  .array(z.tuple([z.string(), z.string(), z.unknown()]))
  .transform((triples): TypedProps => {
    const props: Record<string, TypedValue> = {};
    for (const [key, type, value] of triples) props[key] = { t: type.replace(/ NOT NULL/g, ''), v: value };
    return props;
  });

const DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2}(?::\d{2})?)?(?:\[(.+)\])?$/;

function toDateTime(text: string) {
  const match = DATETIME.exec(text);
  if (!match) throw new Error(`not a datetime: ${text}`);
  const [, year, month, day, hour, minute, second, fraction = '', offset = 'Z', zoneId] = match;
  const nanoseconds = Number(fraction.padEnd(9, '0'));
  if (zoneId) {
    return new neo4j.types.DateTime(
      Number(year),
      Number(month),
      Number(day),
      Number(hour),
      Number(minute),
      Number(second),
      nanoseconds,
      undefined,
      zoneId,
    );
  }
  let offsetSeconds = 0;
  if (offset !== 'Z') {
    const [hours = 0, minutes = 0, seconds = 0] = offset.slice(1).split(':').map(Number);
    offsetSeconds = (offset.startsWith('-') ? -1 : 1) * (hours * 3600 + minutes * 60 + seconds);
  }
  return new neo4j.types.DateTime(
    Number(year),
    Number(month),
    Number(day),
    Number(hour),
    Number(minute),
    Number(second),
    nanoseconds,
    offsetSeconds,
  );
}

function toDate(text: string) {
  const [year, month, day] = text.split('-').map(Number);
  return new neo4j.types.Date(year ?? 0, month ?? 1, day ?? 1);
}

function scalarParameter(type: string, value: unknown): unknown {
  switch (type) {
    case 'INTEGER':
      return neo4j.int(value as number);
    case 'ZONED DATETIME':
      return toDateTime(value as string);
    case 'DATE':
      return toDate(value as string);
    case 'STRING':
    case 'FLOAT':
    case 'BOOLEAN':
      return value;
    default:
      // The graph model writes no other types (durations, points, local times); refusing is safer
      // than writing back a different type.
      throw new Error(`the change log cannot restore a ${type} value`);
  }
}

/** The driver parameter that writes a typed value back as it was stored. */
export function toParameter(value: TypedValue): unknown {
  const list = /^LIST<(.+)>$/.exec(value.t);
  if (list?.[1]) {
    const element = list[1];
    return (value.v as unknown[]).map((item) => (element === 'ANY' ? item : scalarParameter(element, item)));
  }
  return scalarParameter(value.t, value.v);
}

/** Driver parameters for a whole property map. */
export function toParameters(props: TypedProps): Record<string, unknown> {
  return Object.fromEntries(Object.entries(props).map(([key, value]) => [key, toParameter(value)]));
}

/** Whether two typed values are the same stored value. */
export function sameValue(a: TypedValue | undefined, b: TypedValue | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.t === b.t && JSON.stringify(a.v) === JSON.stringify(b.v);
}
