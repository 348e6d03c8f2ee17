/**
 * Templates: text with `{column}` placeholders, e.g. "doc:desta-{number}" or "row {$row}".
 * `{{` and `}}` stand for literal braces.
 */
export type TemplatePart = string | { readonly column: string };
export type Template = readonly TemplatePart[];

const cache = new Map<string, Template>();

/** Parses a template; throws with a message naming the problem when braces do not pair. */
export function parseTemplate(text: string): Template {
  const cached = cache.get(text);
  if (cached) return cached;
  const parts: TemplatePart[] = [];
  let literal = '';
  let index = 0;
  while (index < text.length) {
    const char = text[index] as string;
    const next = text[index + 1];
    if ((char === '{' && next === '{') || (char === '}' && next === '}')) {
      literal += char;
      index += 2;
    } else if (char === '{') {
      const end = text.indexOf('}', index + 1);
      const column = end === -1 ? '' : text.slice(index + 1, end).trim();
      if (end === -1 || column === '' || column.includes('{')) {
        throw new Error(
          `"${text}": a { at position ${index + 1} needs a column name and a closing } (write {{ for a brace)`,
        );
      }
      if (literal) parts.push(literal);
      literal = '';
      parts.push({ column });
      index = end + 1;
    } else if (char === '}') {
      throw new Error(`"${text}": a } at position ${index + 1} has no opening { (write }} for a brace)`);
    } else {
      literal += char;
      index += 1;
    }
  }
  if (literal) parts.push(literal);
  cache.set(text, parts);
  return parts;
}

/** The columns a template reads. */
export function templateColumns(template: Template): string[] {
  return template.flatMap((part) => (typeof part === 'string' ? [] : [part.column]));
}

/**
 * Fills a template. A placeholder whose cell is empty makes the whole value empty (undefined):
 * "row {number}" with no number is no locator at all, never "row ".
 */
export function renderTemplate(
  template: Template,
  cell: (column: string) => string | undefined,
  encode: (value: string) => string = (value) => value,
): string | undefined {
  let out = '';
  for (const part of template) {
    if (typeof part === 'string') {
      out += part;
    } else {
      const value = cell(part.column);
      if (value === undefined) return undefined;
      out += encode(value);
    }
  }
  return out;
}

/**
 * Makes a cell safe inside an id (`[letters digits . _ -]`), one-to-one: every other character is
 * written as `~` and the hex of its UTF-8 bytes, like URL percent-encoding with `~` for `%`. So
 * DESTA's rows "26+1" and "26_1" stay apart as `26~2B1` and `26_1`.
 */
export function encodeIdPart(value: string): string {
  let out = '';
  for (const char of value) {
    if (/^[\p{L}\p{N}._-]$/u.test(char)) {
      out += char;
    } else {
      for (const byte of Buffer.from(char, 'utf8')) out += `~${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    }
  }
  return out;
}
