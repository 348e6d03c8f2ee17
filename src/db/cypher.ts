/**
 * The Cypher kit: statements are assembled from pieces written in the code, never from values.
 *
 * `cypher` is a tagged template whose interpolations must be `Cypher` pieces themselves (a string
 * does not type-check), so a user's value can only reach Neo4j as a `$parameter`. The pieces a
 * statement is made of are named constants or functions of the code (a grouping, a filter, a
 * depth bound); the few names that vary (labels, relationship types) go through `identifier`,
 * which admits only what Cypher reads as a plain name.
 */
export class Cypher {
  private constructor(readonly text: string) {}

  /**
   * A piece from a constant of the code (a depth bound, a projection the code builds): never from
   * a value. Everything else goes through `cypher`, `and` and `identifier`.
   */
  static of(text: string): Cypher {
    return new Cypher(text);
  }

  /** The `$parameters` the piece reads, in order of first use. */
  get parameters(): string[] {
    return [...new Set([...this.text.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((match) => match[1] ?? ''))];
  }

  /** So a piece still reads as text where a statement is not yet built with `cypher`. */
  toString(): string {
    return this.text;
  }
}

export type CypherPart = Cypher | readonly Cypher[];

/** Builds a piece: the literal text as written, each interpolation a piece (a list joins with a space). */
export function cypher(strings: TemplateStringsArray, ...parts: readonly CypherPart[]): Cypher {
  let text = strings[0] ?? '';
  parts.forEach((part, index) => {
    const pieces: readonly unknown[] = Array.isArray(part) ? part : [part];
    // The types already refuse a string; this refuses one that got past them (an `any`).
    for (const piece of pieces)
      if (!(piece instanceof Cypher)) throw new Error('cypher: interpolate pieces of Cypher only');
    text += (pieces as readonly Cypher[]).map((piece) => piece.text).join(' ') + (strings[index + 1] ?? '');
  });
  return Cypher.of(text);
}

/** The pieces joined by AND, each in parentheses so that an OR inside one stays inside it. */
export function and(pieces: readonly Cypher[]): Cypher {
  return Cypher.of(pieces.length === 0 ? 'true' : pieces.map((piece) => `(${piece.text})`).join('\n  AND '));
}

/** The separators a list of pieces is joined with: a closed set, so a join adds no other text. */
const SEPARATORS = {
  comma: ', ',
  alternative: '|',
  or: ' OR ',
  unionAll: '\nUNION ALL\n',
} as const;

/** The pieces joined by one of `SEPARATORS` (tie types as alternatives, variables by commas, ...). */
export function join(pieces: readonly Cypher[], separator: keyof typeof SEPARATORS): Cypher {
  return Cypher.of(pieces.map((piece) => piece.text).join(SEPARATORS[separator]));
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A label, relationship type or variable named in the code, checked to be a plain Cypher name. */
export function identifier(name: string): Cypher {
  if (!NAME.test(name)) throw new Error(`Not a plain Cypher name: ${JSON.stringify(name)}`);
  return Cypher.of(name);
}
