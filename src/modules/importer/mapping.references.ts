import type { FieldProblem } from '../../errors';
import { type EntityType, TIE_SPECS } from '../entity/entity.model';
import { isDateFormat } from './date-format';
import {
  type Condition,
  type Locate,
  type MappingFile,
  parseColumnRange,
  type RowEntityType,
  type TieEnd,
  type ValueSpec,
} from './mapping.schema';
import type { Template } from './template';

/** Checks what the schema alone cannot: refs, code lists, templates and tie ends against the tie catalog. */
export function checkReferences(
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
