/**
 * Checks a draft against the report format `ingestReport` takes, without writing anything: the
 * GraphQL input types (fields, types, enums), one typed field per entity, unique refs, ties between
 * refs of the draft with only the details their type takes. `quote` and `confidence` are checked
 * as part of the format once ReportInput has them, and set aside before that.
 */
import { coerceInputValue, type GraphQLInputObjectType, type GraphQLSchema } from 'graphql';

import { TIE_SPECS } from '../entity/entity.model';
import { isPartialDate } from './dates';
import type { DraftReportData } from './report';

const PROVENANCE = ['quote', 'confidence'] as const;

function inputType(schema: GraphQLSchema, name: string): GraphQLInputObjectType {
  const type = schema.getType(name);
  if (!type || !('getFields' in type)) throw new Error(`the schema has no input type ${name}`);
  return type as GraphQLInputObjectType;
}

/** Whether ReportInput's entities and ties take `quote` and `confidence` yet. */
export function ingestTakesProvenance(schema: GraphQLSchema): boolean {
  const fields = inputType(schema, 'ReportEntityInput').getFields();
  return PROVENANCE.every((field) => field in fields);
}

function without(record: object, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([key]) => !keys.includes(key)));
}

/** The problems of a draft as a report; none when `ingestReport` would take its shape. */
export function reportFormatProblems(schema: GraphQLSchema, draft: DraftReportData): string[] {
  const problems: string[] = [];
  const strip = ingestTakesProvenance(schema) ? [] : PROVENANCE;
  const report = {
    source: draft.source,
    entities: draft.entities.map((entity) => without(entity, strip)),
    ties: draft.ties.map((tie) => without(tie, strip)),
  };
  coerceInputValue(report, inputType(schema, 'ReportInput'), (path, _value, error) => {
    problems.push(`${path.join('.')}: ${error.message}`);
  });
  const refs = new Set<string>();
  const typed = ['region', 'organization', 'official', 'forum', 'document', 'sector', 'figure'] as const;
  draft.entities.forEach((entity, index) => {
    const fields = typed.filter((field) => entity[field] !== undefined);
    if (fields.length !== 1) problems.push(`entities[${index}]: has ${fields.length} typed fields`);
    if (refs.has(entity.ref)) problems.push(`entities[${index}].ref: "${entity.ref}" is used twice`);
    refs.add(entity.ref);
    if (!/^¶\d+$/.test(entity.locator)) problems.push(`entities[${index}].locator: "${entity.locator}"`);
    const values = entity[fields[0] ?? 'region'] ?? {};
    for (const key of ['date', 'signedOn', 'period']) {
      const value = values[key];
      if (value !== undefined && (typeof value !== 'string' || !isPartialDate(value)))
        problems.push(`entities[${index}].${key}: ${JSON.stringify(value)}`);
    }
  });
  draft.ties.forEach((tie, index) => {
    for (const end of [tie.from, tie.to, ...(tie.onBehalfOf ? [tie.onBehalfOf] : [])]) {
      if (!refs.has(end)) problems.push(`ties[${index}]: "${end}" is no ref of the draft`);
    }
    const spec = TIE_SPECS[tie.type];
    for (const property of ['title', 'role', 'onBehalfOf'] as const) {
      if (tie[property] !== undefined && !spec.properties.includes(property))
        problems.push(`ties[${index}]: a ${tie.type} tie takes no ${property}`);
    }
    if (spec.distinguishedBy === 'title' && !tie.title)
      problems.push(`ties[${index}]: a ${tie.type} tie needs a title`);
  });
  return problems;
}
