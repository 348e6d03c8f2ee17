import { z } from 'zod';

import { REPORT_FIELDS, type ReportedType } from '../entity/entity.specs';
import { TIE_TYPES } from '../entity/entity.model';
import type { Template } from './template';

/**
 * The mapping file: how the rows of one CSV become entities and ties. Its format is documented,
 * key by key, in docs/importing.md; this schema is the single definition the docs describe.
 */

/** The types a row may state: those a report's entities state. */
export const ROW_ENTITY_TYPES = REPORT_FIELDS.map(({ type }) => type) as [ReportedType, ...ReportedType[]];
export type RowEntityType = ReportedType;

const scalar = z.union([z.string(), z.number(), z.boolean()]);
export type Scalar = z.infer<typeof scalar>;

const columnName = z.string().min(1, 'must name a column');

const conditionTest = z
  .strictObject({
    column: columnName,
    equals: z.string().optional(),
    notEquals: z.string().optional(),
    in: z.array(z.string()).min(1).optional(),
    notIn: z.array(z.string()).min(1).optional(),
    present: z.boolean().optional(),
    matches: z.string().optional(),
  })
  .refine(
    (test) =>
      ['equals', 'notEquals', 'in', 'notIn', 'present', 'matches'].filter(
        (key) => test[key as keyof typeof test] !== undefined,
      ).length === 1,
    { message: 'give exactly one of equals, notEquals, in, notIn, present, matches' },
  )
  .refine((test) => test.matches === undefined || isRegExp(test.matches), {
    message: 'matches must be a valid regular expression',
    path: ['matches'],
  });
export type ConditionTest = z.infer<typeof conditionTest>;

/** A condition: one test, or a list of tests that must all hold. */
const condition = z.union([conditionTest, z.array(conditionTest).min(1)]);
export type Condition = z.infer<typeof condition>;

const numberFormat = z.union([
  z.boolean(),
  z.strictObject({
    decimal: z.string().length(1).default('.'),
    thousands: z.string().length(1).optional(),
  }),
]);

/**
 * How to split a cell into items: one separator (`';'`), any of several (`[', ', ' and ']`), or
 * a regular expression (`{ pattern: '\\s*(,|;|\\band\\b)\\s*' }`).
 */
const splitSpec = z.union([
  z.string().min(1),
  z.array(z.string().min(1)).min(1),
  z
    .strictObject({ pattern: z.string().min(1) })
    .refine((split) => isRegExp(split.pattern) && !new RegExp(split.pattern, 'u').test(''), {
      message: 'pattern must be a valid regular expression that does not match the empty text',
      path: ['pattern'],
    }),
]);
export type SplitSpec = z.infer<typeof splitSpec>;

/** The keys of a value that transform the text its source gives. */
const TRANSFORMS = ['split', 'map', 'date', 'number', 'scale', 'slug'] as const;

export interface ValueObject {
  column?: string;
  template?: string;
  value?: Scalar;
  cases?: { when?: Condition; then: ValueSpec }[];
  default?: Scalar;
  split?: SplitSpec;
  map?: string;
  date?: string | string[];
  number?: boolean | { decimal: string; thousands?: string };
  scale?: number;
  slug?: boolean;
}
/** How to compute one value: a template string, a literal, or an object with a source and transforms. */
export type ValueSpec = string | number | boolean | ValueObject;

const valueSpec: z.ZodType<ValueSpec> = z.lazy(() =>
  z.union([
    z.string(),
    z.number(),
    z.boolean(),
    z
      .strictObject({
        column: columnName.optional(),
        template: z.string().optional(),
        value: scalar.optional(),
        cases: z
          .array(z.strictObject({ when: condition.optional(), then: valueSpec }))
          .min(1)
          .optional(),
        default: scalar.optional(),
        split: splitSpec.optional(),
        map: z.string().optional(),
        date: z.union([z.string(), z.array(z.string()).min(1)]).optional(),
        number: numberFormat.optional(),
        scale: z.number().optional(),
        slug: z.boolean().optional(),
      })
      .refine(
        (spec) =>
          [spec.column, spec.template, spec.value, spec.cases].filter((source) => source !== undefined).length === 1,
        { message: 'give exactly one of column, template, value, cases' },
      )
      .refine((spec) => spec.date === undefined || spec.number === undefined, {
        message: 'a value is a date or a number, not both',
      })
      .superRefine((spec, context) => {
        // `cases` and `value` give their value as it is: a transform beside them would be
        // silently ignored, so it is refused (and so is a `default` beside a constant).
        const source = spec.cases !== undefined ? 'cases' : spec.value !== undefined ? 'value' : undefined;
        if (source === undefined) return;
        const ignored = [...TRANSFORMS, ...(source === 'value' ? (['default'] as const) : [])];
        for (const key of ignored.filter((name) => spec[name] !== undefined)) {
          context.addIssue({
            code: 'custom',
            path: [key],
            message:
              source === 'cases'
                ? `${key} beside cases would not be applied: write it in the then of each case that needs it`
                : `${key} beside value would not be applied: a value is used as it is`,
          });
        }
      }),
  ]),
);

const entityEnd = z.union([z.string().min(1), z.strictObject({ id: z.string().min(1) })]);
export type TieEnd = z.infer<typeof entityEnd>;

const refName = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_-]{0,39}$/, 'must be a letter then up to 39 letters, digits, _ or -');

const entityDef = z.strictObject({
  ref: refName,
  type: z.enum(ROW_ENTITY_TYPES),
  when: condition.optional(),
  each: z
    .strictObject({
      columns: z.union([z.string().min(1), z.array(columnName).min(1)]).optional(),
      column: columnName.optional(),
      split: splitSpec.optional(),
    })
    .refine((each) => (each.columns === undefined) !== (each.column === undefined), {
      message: 'give either column or columns',
    })
    .optional(),
  lookup: z
    .union([z.string().min(1), z.strictObject({ list: z.string().min(1), key: valueSpec.optional() })])
    .optional(),
  fields: z.record(z.string().min(1), valueSpec).default({}),
});
export type EntityDef = z.infer<typeof entityDef>;

const tieDef = z.strictObject({
  type: z.enum(TIE_TYPES),
  from: entityEnd,
  to: entityEnd,
  when: condition.optional(),
  title: valueSpec.optional(),
  role: valueSpec.optional(),
  since: valueSpec.optional(),
  until: valueSpec.optional(),
  onBehalfOf: entityEnd.optional(),
});

const entityFieldsTable = z.record(z.string(), z.union([scalar, z.array(z.string())]));

const codeList = z.union([
  z.strictObject({
    iso3166: z.enum(['numeric', 'alpha2', 'alpha3', 'name']),
    overrides: z.record(z.string(), entityFieldsTable).default({}),
    onUnknown: z.enum(['reject', 'skip']).default('reject'),
  }),
  z.strictObject({
    values: z.record(z.string(), z.union([scalar, entityFieldsTable])),
    onUnknown: z.enum(['reject', 'skip']).default('reject'),
  }),
]);
export type CodeListDef = z.infer<typeof codeList>;

/**
 * The list every mapping has without declaring it: country (and subdivision) names as datasets
 * write them, in any of the languages of `country-names.ts`. A mapping may declare its own
 * `countryName` (with overrides, or `onUnknown: skip`) instead.
 */
export const COUNTRY_NAME_LIST = 'countryName';
const countryNameList: CodeListDef = { iso3166: 'name', overrides: {}, onUnknown: 'reject' };

export const mappingSchema = z.strictObject({
  format: z.literal(1, { message: 'must be 1 (the version of the mapping format)' }),
  source: z.strictObject({
    id: z.string().optional(),
    name: z.string().min(1),
    aliases: z.array(z.string()).optional(),
    description: z.string().optional(),
    publisher: z.string().optional(),
    url: z.string().optional(),
    publishedOn: z.string().optional(),
    version: z.string().optional(),
    citation: z.string().optional(),
  }),
  csv: z
    .strictObject({
      path: z.string().min(1).optional(),
      delimiter: z.string().min(1).default(','),
      quote: z.string().length(1).default('"'),
      encoding: z.enum(['utf8', 'utf-8', 'latin1']).default('utf8'),
      empty: z.array(z.string()).default(['']),
    })
    .default({ delimiter: ',', quote: '"', encoding: 'utf8', empty: [''] }),
  locator: z.string().min(1).default('row {$row}'),
  batch: z.strictObject({ facts: z.number().int().min(1).max(2000).default(400) }).default({ facts: 400 }),
  codeLists: z
    .record(refName, codeList)
    .default({})
    .transform((lists): Record<string, CodeListDef> => ({ [COUNTRY_NAME_LIST]: countryNameList, ...lists })),
  entities: z.array(entityDef).min(1),
  ties: z.array(tieDef).default([]),
});
export type MappingFile = z.infer<typeof mappingSchema>;

/** Where in the mapping file a key sits, for messages: `desta.mapping.yaml:42 entities[1].lookup`. */
export type Locate = (path: readonly PropertyKey[]) => string;

export interface Mapping extends MappingFile {
  /** The mapping file, for messages. */
  readonly file: string;
  /** The CSV to read: `csv.path` resolved against the mapping file's folder. */
  readonly csvPath: string | null;
  readonly locatorTemplate: Template;
  readonly locate: Locate;
}

function isRegExp(pattern: string): boolean {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}

/** `c1..c91` → c1, c2, …, c91. */
export function parseColumnRange(range: string): string[] | undefined {
  const match = /^(.*?)(\d+)\.\.(.*?)(\d+)$/.exec(range);
  if (!match) return undefined;
  const [, prefix, from, otherPrefix, to] = match as unknown as [string, string, string, string, string];
  const start = Number(from);
  const end = Number(to);
  if (prefix !== otherPrefix || end < start || end - start > 10_000) return undefined;
  return Array.from({ length: end - start + 1 }, (_, offset) => `${prefix}${start + offset}`);
}

/** The columns an `each` reads, in order. */
export function eachColumns(each: NonNullable<EntityDef['each']>): string[] {
  if (each.column !== undefined) return [each.column];
  if (Array.isArray(each.columns)) return each.columns;
  return parseColumnRange(each.columns ?? '') ?? [];
}
