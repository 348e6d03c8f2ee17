import { readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';

import { isMap, LineCounter, parseDocument } from 'yaml';

import { BadUserInputError, type FieldProblem } from '../../errors';
import { checkReferences } from './mapping.references';
import { type Locate, type Mapping, mappingSchema } from './mapping.schema';
import { parseTemplate, type Template } from './template';

/**
 * Reading a mapping file: YAML parsed with the line of every key (for messages), checked against
 * the schema (mapping.schema.ts), then against what the schema alone cannot check
 * (mapping.references.ts).
 */

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
