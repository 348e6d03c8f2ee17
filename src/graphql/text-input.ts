import type { FieldProblem } from '../errors';

/** Control characters (C0, DEL and C1: NUL, ESC, BEL …), which no name or text needs. */
const CONTROL = /\p{Cc}/u;
/** The same, but for the tab and line breaks of running text. */
const CONTROL_BUT_LAYOUT = /(?![\t\n\r])\p{Cc}/u;

/**
 * Input fields (and arguments) of running text, which may hold tabs and line breaks. Every other string (names,
 * aliases, titles, roles, locators, search text, ids, …) is one line and holds no control
 * character at all.
 */
export const MULTILINE_FIELDS: ReadonlySet<string> = new Set([
  'description',
  // A quote is verbatim, and hard-wrapped text breaks lines inside a sentence.
  'quote',
  // The article text `extractReport` drafts from.
  'text',
]);

function codePoint(character: string): string {
  return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * The strings anywhere in an argument value that hold a control character, each named by its
 * path (`report.entities[2].region.name`). A NUL or an escape sequence would otherwise be stored
 * and handed to every client, terminal and export that reads the text back.
 */
export function controlCharacterProblems(value: unknown, path: string, key = ''): FieldProblem[] {
  if (typeof value === 'string') {
    const multiline = MULTILINE_FIELDS.has(key);
    const found = (multiline ? CONTROL_BUT_LAYOUT : CONTROL).exec(value);
    if (!found) return [];
    const allowed = multiline ? ' other than tab, line feed and carriage return' : '';
    return [{ field: path, message: `must not contain control characters${allowed} (found ${codePoint(found[0])})` }];
  }
  if (Array.isArray(value)) {
    return value.flatMap((item, index) => controlCharacterProblems(item, `${path}[${index}]`, key));
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([field, item]) =>
      controlCharacterProblems(item, path === '' ? field : `${path}.${field}`, field),
    );
  }
  return [];
}
