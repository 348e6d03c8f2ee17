import { readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';

import { isMap, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';

import { BadUserInputError, type FieldProblem } from '../../errors';
import { type EntityType, TIE_SPECS, TIE_TYPES } from '../entity/entity.model';
import { REPORT_FIELDS, type ReportedType } from '../entity/entity.specs';
import { parseTemplate, type Template } from './template';
import { isDateFormat } from './date-format';

/**
 * The mapping file: how the rows of one CSV become entities and ties. Its format is documented,
 * key by key, in docs/importing.md; this schema is the single definition the docs describe.
 */

/** The entity types a row can state (sources come from the mapping's `source`). */
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
export type TieDef = z.infer<typeof tieDef>;

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

const mappingSchema = z.strictObject({
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
type MappingFile = z.infer<typeof mappingSchema>;

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

export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

export function mappingError(problems: FieldProblem[]): BadUserInputError {
  const lines = problems.map((problem) => `${problem.field}: ${problem.message}`);
  return new BadUserInputError(`the mapping has ${problems.length} problem(s):\n  ${lines.join('\n  ')}`, problems);
}

/** Parses and checks a mapping (YAML or JSON, which is YAML too); relative paths resolve against `dir`. */
export function parseMapping(text: string, file: string, dir = '.'): Mapping {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const name = basename(file);
  if (document.errors.length > 0) {
    throw mappingError(
      document.errors.map((error) => ({
        field: `${name}:${lineCounter.linePos(error.pos[0]).line}`,
        message: error.message.split('\n')[0] ?? error.message,
      })),
    );
  }
  const locate: Locate = (path) => {
    const keys = [...path];
    // The nearest node that exists names the line (a missing key is reported at its parent).
    while (keys.length > 0) {
      const node = document.getIn(keys, true) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === 'object' && node.range) {
        return `${name}:${lineCounter.linePos(node.range[0]).line} ${formatPath(path)}`;
      }
      keys.pop();
    }
    return path.length > 0 ? `${name} ${formatPath(path)}` : name;
  };
  if (!isMap(document.contents)) {
    throw mappingError([{ field: name, message: 'must be a mapping of keys (format, source, csv, entities…)' }]);
  }
  const parsed = mappingSchema.safeParse(document.toJS());
  if (!parsed.success) {
    throw mappingError(parsed.error.issues.map((issue) => ({ field: locate(issue.path), message: issue.message })));
  }
  const mapping = parsed.data;
  const problems: FieldProblem[] = [];
  const templateOf = (text: string, path: PropertyKey[]): Template => {
    try {
      return parseTemplate(text);
    } catch (error) {
      problems.push({ field: locate(path), message: (error as Error).message });
      return [];
    }
  };
  const locatorTemplate = templateOf(mapping.locator, ['locator']);
  checkReferences(mapping, locate, templateOf, problems);
  if (problems.length > 0) throw mappingError(problems);
  return {
    ...mapping,
    file,
    csvPath: mapping.csv.path ? resolve(dir, mapping.csv.path) : null,
    locatorTemplate,
    locate,
  };
}

export function loadMapping(path: string): Mapping {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw mappingError([{ field: path, message: `cannot read the mapping: ${(error as Error).message}` }]);
  }
  return parseMapping(text, path, dirname(resolve(path)));
}

/** Checks what the schema alone cannot: refs, code lists, templates and tie ends against the tie catalog. */
function checkReferences(
  mapping: MappingFile,
  locate: Locate,
  templateOf: (text: string, path: PropertyKey[]) => Template,
  problems: FieldProblem[],
): void {
  const typeOfRef = new Map<string, RowEntityType>();
  const listNames = Object.keys(mapping.codeLists);
  const checkList = (name: string, path: PropertyKey[], purpose: 'map' | 'lookup'): void => {
    const list = mapping.codeLists[name];
    if (!list) {
      problems.push({
        field: locate(path),
        message: `no code list "${name}" (code lists: ${listNames.join(', ') || 'none'})`,
      });
    } else if (purpose === 'map' && !('values' in list)) {
      problems.push({ field: locate(path), message: `"${name}" is an iso3166 list; map needs a list of values` });
    }
  };
  const checkSpec = (spec: ValueSpec, path: PropertyKey[]): void => {
    if (typeof spec === 'string') {
      templateOf(spec, path);
      return;
    }
    if (typeof spec !== 'object') return;
    if (spec.template !== undefined) templateOf(spec.template, [...path, 'template']);
    if (spec.map !== undefined) checkList(spec.map, [...path, 'map'], 'map');
    const formats = spec.date === undefined ? [] : Array.isArray(spec.date) ? spec.date : [spec.date];
    for (const format of formats.filter((each) => !isDateFormat(each))) {
      problems.push({
        field: locate([...path, 'date']),
        message: `"${format}" is not a date format: use iso, or YYYY with optional MM/M and DD/D (e.g. DD/MM/YYYY)`,
      });
    }
    spec.cases?.forEach((entry, index) => {
      if (entry.when) checkCondition(entry.when, [...path, 'cases', index, 'when']);
      checkSpec(entry.then, [...path, 'cases', index, 'then']);
    });
  };
  const checkCondition = (when: Condition, path: PropertyKey[]): void => {
    const tests = Array.isArray(when) ? when : [when];
    tests.forEach((test, index) => {
      const at = Array.isArray(when) ? [...path, index] : path;
      for (const key of ['equals', 'notEquals'] as const) {
        const text = test[key];
        if (text !== undefined) templateOf(text, [...at, key]);
      }
      for (const key of ['in', 'notIn'] as const) {
        test[key]?.forEach((text, item) => templateOf(text, [...at, key, item]));
      }
    });
  };

  mapping.entities.forEach((entity, index) => {
    const path = ['entities', index];
    if (typeOfRef.has(entity.ref)) {
      problems.push({ field: locate([...path, 'ref']), message: `ref "${entity.ref}" is used twice` });
    }
    typeOfRef.set(entity.ref, entity.type);
    if (entity.when) checkCondition(entity.when, [...path, 'when']);
    if (entity.each?.columns !== undefined && typeof entity.each.columns === 'string') {
      if (!parseColumnRange(entity.each.columns)) {
        problems.push({
          field: locate([...path, 'each', 'columns']),
          message: `"${entity.each.columns}" is not a column range like c1..c91 (or give a list of columns)`,
        });
      }
    }
    if (entity.lookup !== undefined) {
      const lookup = typeof entity.lookup === 'string' ? { list: entity.lookup } : entity.lookup;
      checkList(lookup.list, [...path, 'lookup'], 'lookup');
      const list = mapping.codeLists[lookup.list];
      if (list && 'iso3166' in list && entity.type !== 'Region') {
        problems.push({ field: locate([...path, 'lookup']), message: 'iso3166 lists give Region entities' });
      }
      if ('key' in lookup && lookup.key !== undefined) checkSpec(lookup.key, [...path, 'lookup', 'key']);
      else if (!entity.each) {
        problems.push({
          field: locate([...path, 'lookup']),
          message: 'say which value to look up: lookup: { list, key } (only `each` entities default to their value)',
        });
      }
    } else if (entity.type !== 'Document' && entity.type !== 'Figure' && entity.fields.name === undefined) {
      problems.push({ field: locate([...path, 'fields']), message: `a ${entity.type} needs a name field` });
    }
    for (const [field, spec] of Object.entries(entity.fields)) {
      if (field === 'statedIn') {
        problems.push({
          field: locate([...path, 'fields', field]),
          message: 'provenance is set by the importer (the source and the row locator)',
        });
      }
      checkSpec(spec, [...path, 'fields', field]);
    }
  });

  mapping.ties.forEach((tie, index) => {
    const path = ['ties', index];
    const spec = TIE_SPECS[tie.type];
    const checkEnd = (end: TieEnd, key: 'from' | 'to' | 'onBehalfOf', allowed: readonly EntityType[]): void => {
      if (typeof end !== 'string') {
        templateOf(end.id, [...path, key, 'id']);
        return;
      }
      const type = typeOfRef.get(end);
      if (!type) {
        problems.push({
          field: locate([...path, key]),
          message: `no entity with ref "${end}" (refs: ${[...typeOfRef.keys()].join(', ')})`,
        });
      } else if (!allowed.includes(type)) {
        problems.push({
          field: locate([...path, key]),
          message: `a ${tie.type} tie cannot ${key === 'from' ? 'start at' : key === 'to' ? 'end at' : 'be on behalf of'} a ${type} (allowed: ${allowed.join(', ')})`,
        });
      }
    };
    checkEnd(tie.from, 'from', spec.from);
    checkEnd(tie.to, 'to', spec.to);
    if (tie.when) checkCondition(tie.when, [...path, 'when']);
    for (const property of ['title', 'role', 'since', 'until', 'onBehalfOf'] as const) {
      const value = tie[property];
      if (value === undefined) continue;
      if (!spec.properties.includes(property)) {
        problems.push({ field: locate([...path, property]), message: `a ${tie.type} tie takes no ${property}` });
      } else if (property === 'onBehalfOf') {
        checkEnd(value as TieEnd, 'onBehalfOf', ['Region', 'Organization']);
      } else {
        checkSpec(value as ValueSpec, [...path, property]);
      }
    }
    if (spec.distinguishedBy === 'title' && tie.title === undefined) {
      problems.push({ field: locate([...path, 'title']), message: `a ${tie.type} tie needs a title` });
    }
  });
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
