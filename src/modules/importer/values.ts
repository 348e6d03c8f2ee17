import { matchKey } from '../entity/entity.model';
import type { CodeLists } from './code-lists';
import { escapeRegExp, readDate } from './date-format';
import type { Condition, ConditionTest, SplitSpec, ValueObject, ValueSpec } from './mapping.schema';
import { parseTemplate, renderTemplate, type Template } from './template';

/** A problem with one row: the row is rejected with this reason. */
export class RowProblem extends Error {
  constructor(
    message: string,
    readonly column?: string,
  ) {
    super(message);
    this.name = 'RowProblem';
  }
}

/** A value was not found in a code list whose `onUnknown` is `skip`: leave it out. */
export const SKIPPED = Symbol('skipped');

/** One row as values see it: its cells, its number and, inside `each`, the current item. */
export interface RowScope {
  readonly cells: Readonly<Record<string, string>>;
  /** 1-based number of the data row (the header is not counted). */
  readonly row: number;
  /** The line of the file the row ends on. */
  readonly line: number;
  /** Cells that mean "no value" (`csv.empty`). */
  readonly empty: ReadonlySet<string>;
  /** Inside `each`: the item and the column it came from. */
  readonly item?: { readonly value: string; readonly column: string };
}

/** Special names a template or condition can read besides the columns. */
export const SPECIAL_COLUMNS = ['$row', '$line', '$value'] as const;

/** A cell, trimmed; undefined when empty or one of the `empty` markers. */
export function cellOf(scope: RowScope, column: string): string | undefined {
  switch (column) {
    case '$row':
      return String(scope.row);
    case '$line':
      return String(scope.line);
    case '$value':
      return scope.item?.value;
  }
  const raw = scope.cells[column];
  if (raw === undefined) return undefined;
  const value = raw.trim();
  return value === '' || scope.empty.has(value) ? undefined : value;
}

function render(template: Template | string, scope: RowScope, encode?: (value: string) => string): string | undefined {
  return renderTemplate(
    typeof template === 'string' ? parseTemplate(template) : template,
    (column) => cellOf(scope, column),
    encode,
  );
}

function holds(test: ConditionTest, scope: RowScope): boolean {
  const value = cellOf(scope, test.column);
  if (test.present !== undefined) return (value !== undefined) === test.present;
  if (test.equals !== undefined) return value !== undefined && value === render(test.equals, scope);
  if (test.notEquals !== undefined) return value === undefined || value !== render(test.notEquals, scope);
  if (test.in !== undefined) return value !== undefined && test.in.some((text) => render(text, scope) === value);
  if (test.notIn !== undefined) return value === undefined || !test.notIn.some((text) => render(text, scope) === value);
  if (test.matches !== undefined) return value !== undefined && new RegExp(test.matches).test(value);
  return true;
}

export function conditionHolds(condition: Condition | undefined, scope: RowScope): boolean {
  if (condition === undefined) return true;
  return (Array.isArray(condition) ? condition : [condition]).every((test) => holds(test, scope));
}

/** Splits a cell on a separator, any of several, or a pattern (see `SplitSpec`). */
export function splitText(text: string, split: SplitSpec): string[] {
  if (typeof split === 'string') return text.split(split);
  if (Array.isArray(split)) {
    // Longest first, so ", and " wins over ", " where both would fit.
    const alternatives = [...split].sort((a, b) => b.length - a.length).map(escapeRegExp);
    return text.split(new RegExp(alternatives.join('|'), 'u'));
  }
  // Groups in the pattern would put their text among the items: split on the whole match only.
  const pattern = new RegExp(split.pattern, 'gu');
  const items: string[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match[0] === '') continue;
    items.push(text.slice(last, match.index));
    last = match.index + match[0].length;
  }
  items.push(text.slice(last));
  return items;
}

export function readNumber(text: string, format: true | { decimal: string; thousands?: string }): number | undefined {
  const { decimal, thousands } = format === true ? { decimal: '.', thousands: undefined } : format;
  let normalised = text.replace(/\s/g, '');
  if (thousands) normalised = normalised.split(thousands).join('');
  if (decimal !== '.') normalised = normalised.replace(decimal, '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(normalised)) return undefined;
  return Number(normalised);
}

export interface EvalOptions {
  readonly codeLists: CodeLists;
  /** Id positions encode the cells they interpolate (see `encodeIdPart`). */
  readonly encode?: (value: string) => string;
}

function transform(text: string, spec: ValueObject, options: EvalOptions, column: string | undefined): unknown {
  let value: unknown = text;
  if (spec.map !== undefined) {
    const found = options.codeLists.lookup(spec.map, text);
    if (!found.found) {
      if (found.onUnknown === 'skip') return SKIPPED;
      throw new RowProblem(`"${text}" is not in ${options.codeLists.describe(spec.map)}`, column);
    }
    if (typeof found.value === 'object') {
      throw new RowProblem(`code list "${spec.map}" gives entity fields for "${text}", not a value`, column);
    }
    value = found.value;
  }
  if (spec.date !== undefined) {
    // Several formats read a column whose dates come with different precisions: the first that fits.
    const formats = Array.isArray(spec.date) ? spec.date : [spec.date];
    const text = String(value);
    const date = formats.map((format) => readDate(text, format)).find((read) => read !== undefined);
    if (date === undefined)
      throw new RowProblem(`"${text}" is not a date in the format ${formats.join(' or ')}`, column);
    value = date;
  }
  if (spec.number !== undefined && spec.number !== false) {
    const number = readNumber(String(value), spec.number);
    if (number === undefined) throw new RowProblem(`"${String(value)}" is not a number`, column);
    value = number;
  }
  if (spec.scale !== undefined) {
    if (typeof value !== 'number') throw new RowProblem(`"${String(value)}" is not a number to scale`, column);
    value = value * spec.scale;
  }
  if (spec.slug) value = matchKey(String(value)).replace(/ /g, '-');
  return value;
}

/**
 * Computes one value of a row. Undefined means "no value" (the field is left out); a list comes
 * back from `split`. A value that cannot be read throws a RowProblem naming its column.
 */
export function evaluate(spec: ValueSpec, scope: RowScope, options: EvalOptions): unknown {
  if (typeof spec === 'string') return render(spec, scope, options.encode);
  if (typeof spec !== 'object') return spec;
  if (spec.value !== undefined) return spec.value;
  if (spec.cases !== undefined) {
    const match = spec.cases.find((entry) => conditionHolds(entry.when, scope));
    const value = match === undefined ? undefined : evaluate(match.then, scope, options);
    return value === undefined ? spec.default : value;
  }
  const column = spec.column === '$value' ? scope.item?.column : spec.column;
  const text =
    spec.column !== undefined ? cellOf(scope, spec.column) : render(spec.template ?? '', scope, options.encode);
  if (text === undefined) return spec.default;
  if (spec.split !== undefined) {
    const items = splitText(text, spec.split)
      .map((item) => item.trim())
      .filter((item) => item !== '' && !scope.empty.has(item))
      .map((item) => transform(item, spec, options, column))
      .filter((item) => item !== SKIPPED);
    return items.length > 0 ? items : spec.default;
  }
  const value = transform(text, spec, options, column);
  return value === SKIPPED ? spec.default : value;
}

/** A value that must be one piece of text: a code to look up, an id, a tie's title. */
export function evaluateText(spec: ValueSpec, scope: RowScope, options: EvalOptions): string | undefined {
  const value = evaluate(spec, scope, options);
  if (value === undefined) return undefined;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new RowProblem('a split gives several values where one is needed');
}
