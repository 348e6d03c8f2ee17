import {
  getNamedType,
  GraphQLEnumType,
  type GraphQLInputField,
  type GraphQLNamedInputType,
  type GraphQLInputType,
  GraphQLInputObjectType,
  type GraphQLSchema,
} from 'graphql';

import type { FieldProblem } from '../../errors';
import { mappingError } from './mapping';
import { type Condition, eachColumns, type Mapping, type TieEnd, type ValueSpec } from './mapping.schema';
import { parseTemplate, templateColumns } from './template';
import { SPECIAL_COLUMNS } from './values';

type Path = PropertyKey[];

/** Every column the mapping reads, with where it reads it. */
export function mappingColumns(mapping: Mapping): { column: string; path: Path }[] {
  const found: { column: string; path: Path }[] = [];
  const template = (text: string, path: Path) =>
    templateColumns(parseTemplate(text)).forEach((column) => found.push({ column, path }));
  const condition = (when: Condition | undefined, path: Path) => {
    if (when === undefined) return;
    (Array.isArray(when) ? when : [when]).forEach((test, index) => {
      const at = Array.isArray(when) ? [...path, index] : path;
      found.push({ column: test.column, path: [...at, 'column'] });
      if (test.equals !== undefined) template(test.equals, [...at, 'equals']);
      if (test.notEquals !== undefined) template(test.notEquals, [...at, 'notEquals']);
      test.in?.forEach((text, item) => template(text, [...at, 'in', item]));
      test.notIn?.forEach((text, item) => template(text, [...at, 'notIn', item]));
    });
  };
  const spec = (value: ValueSpec | undefined, path: Path): void => {
    if (typeof value === 'string') template(value, path);
    if (typeof value !== 'object') return;
    if (value.column !== undefined) found.push({ column: value.column, path: [...path, 'column'] });
    if (value.template !== undefined) template(value.template, [...path, 'template']);
    value.cases?.forEach((entry, index) => {
      condition(entry.when, [...path, 'cases', index, 'when']);
      spec(entry.then, [...path, 'cases', index, 'then']);
    });
  };
  const end = (value: TieEnd | undefined, path: Path) => {
    if (value !== undefined && typeof value !== 'string') template(value.id, [...path, 'id']);
  };

  template(mapping.locator, ['locator']);
  mapping.entities.forEach((entity, index) => {
    const path = ['entities', index];
    condition(entity.when, [...path, 'when']);
    if (entity.each) eachColumns(entity.each).forEach((column) => found.push({ column, path: [...path, 'each'] }));
    if (typeof entity.lookup === 'object') spec(entity.lookup.key, [...path, 'lookup', 'key']);
    Object.entries(entity.fields).forEach(([field, value]) => spec(value, [...path, 'fields', field]));
  });
  mapping.ties.forEach((tie, index) => {
    const path = ['ties', index];
    condition(tie.when, [...path, 'when']);
    end(tie.from, [...path, 'from']);
    end(tie.to, [...path, 'to']);
    end(tie.onBehalfOf, [...path, 'onBehalfOf']);
    for (const key of ['title', 'role', 'since', 'until'] as const) spec(tie[key], [...path, key]);
  });
  return found;
}

/** Fails, naming the mapping line, when the mapping reads a column the CSV does not have. */
export function checkColumns(mapping: Mapping, header: readonly string[], csvName: string): void {
  const columns = new Set(header);
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  for (const { column, path } of mappingColumns(mapping)) {
    if (columns.has(column) || (SPECIAL_COLUMNS as readonly string[]).includes(column)) continue;
    const field = mapping.locate(path);
    if (seen.has(`${field}|${column}`)) continue;
    seen.add(`${field}|${column}`);
    const shown = header.length > 12 ? `${header.slice(0, 12).join(', ')}, …` : header.join(', ');
    problems.push({ field, message: `column "${column}" is not in ${csvName} (its columns: ${shown})` });
  }
  if (problems.length > 0) throw mappingError(problems);
}

/** The literal values a spec can produce, to check against an enum. */
function literals(spec: ValueSpec, mapping: Mapping): string[] {
  if (typeof spec === 'string') return spec.includes('{') ? [] : [spec];
  if (typeof spec !== 'object') return [String(spec)];
  const own = spec.value !== undefined ? [String(spec.value)] : [];
  const fromCases = spec.cases?.flatMap((entry) => literals(entry.then, mapping)) ?? [];
  const list = spec.map === undefined ? undefined : mapping.codeLists[spec.map];
  const fromList =
    list && 'values' in list
      ? Object.values(list.values)
          .filter((value) => typeof value !== 'object')
          .map(String)
      : [];
  const fallback = spec.default !== undefined ? [String(spec.default)] : [];
  return [...own, ...fromCases, ...fromList, ...fallback];
}

/**
 * Checks entity fields against the API's own input types (`DocumentInput`, `RegionInput`…): a
 * field the input does not have, or an enum value it does not know, fails before any row is read.
 */
export function checkFields(mapping: Mapping, schema: GraphQLSchema): void {
  const problems: FieldProblem[] = [];
  const fieldType = (input: GraphQLInputObjectType, path: string): GraphQLInputType | string => {
    let type: GraphQLInputType = input;
    for (const key of path.split('.')) {
      const named: GraphQLNamedInputType = getNamedType(type);
      const field: GraphQLInputField | undefined =
        named instanceof GraphQLInputObjectType ? named.getFields()[key] : undefined;
      if (!field) {
        const known = named instanceof GraphQLInputObjectType ? Object.keys(named.getFields()) : [];
        return `${named.name} has no field "${key}"${known.length ? ` (fields: ${known.join(', ')})` : ''}`;
      }
      type = field.type;
    }
    return type;
  };
  const checkEnum = (type: GraphQLInputType, values: string[], path: Path) => {
    const named = getNamedType(type);
    if (!(named instanceof GraphQLEnumType)) return;
    for (const value of new Set(values)) {
      if (!named.getValue(value)) {
        problems.push({
          field: mapping.locate(path),
          message: `"${value}" is not a ${named.name} (one of: ${named
            .getValues()
            .map((v) => v.name)
            .join(', ')})`,
        });
      }
    }
  };

  mapping.entities.forEach((entity, index) => {
    const input = schema.getType(`${entity.type}Input`);
    if (!(input instanceof GraphQLInputObjectType)) return;
    const lookup = typeof entity.lookup === 'string' ? entity.lookup : entity.lookup?.list;
    const list = lookup === undefined ? undefined : mapping.codeLists[lookup];
    if (list) {
      const tables = 'iso3166' in list ? list.overrides : list.values;
      for (const [code, fields] of Object.entries(tables)) {
        if (typeof fields !== 'object' || Array.isArray(fields)) continue;
        for (const [field, value] of Object.entries(fields)) {
          const type = fieldType(input, field);
          const path = ['codeLists', lookup as string, 'iso3166' in list ? 'overrides' : 'values', code, field];
          if (typeof type === 'string') problems.push({ field: mapping.locate(path), message: type });
          else if (typeof value === 'string') checkEnum(type, [value], path);
        }
      }
    }
    for (const [field, spec] of Object.entries(entity.fields)) {
      const path = ['entities', index, 'fields', field];
      const type = fieldType(input, field);
      if (typeof type === 'string') problems.push({ field: mapping.locate(path), message: type });
      else checkEnum(type, literals(spec, mapping), path);
    }
  });
  if (problems.length > 0) throw mappingError(problems);
}
