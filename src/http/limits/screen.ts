import {
  type DocumentNode,
  type FragmentDefinitionNode,
  Kind,
  Lexer,
  type OperationDefinitionNode,
  parse,
  type SelectionSetNode,
  Source,
  TokenKind,
} from 'graphql';

import type { Limits } from '../../config';
import { ErrorCode, LimitExceededError } from '../../errors';

/** The shape of one operation, fragments expanded as many times as they are spread. */
export interface OperationShape {
  readonly depth: number;
  readonly aliases: number;
  readonly rootFields: number;
}

/**
 * Introspection's `__Type.ofType` (a list or non-null type wrapping another) is a chain without
 * fan-out, at most as long as the deepest wrapping in the schema; the standard introspection
 * query nests it nine levels deep. It does not count toward depth, so the depth limit can stay
 * tight for fields that do fan out. No field of this schema shares the name.
 */
const OF_TYPE = 'ofType';

/** Lexical tokens in a document, or undefined when it does not even lex (the parser says why). */
export function countTokens(source: string): number | undefined {
  const lexer = new Lexer(new Source(source));
  let count = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) count += 1;
  } catch {
    return undefined;
  }
  return count;
}

/** Saturating addition: fragments spread in fragments multiply, and a count must stay a number. */
const add = (a: number, b: number): number => Math.min(a + b, Number.MAX_SAFE_INTEGER);

/**
 * Measures each operation in one pass over the document. Each fragment is measured once and
 * remembered, so a document whose fragments spread each other many times costs linear time to
 * measure, however large the expansion it stands for. A fragment cycle (invalid anyway; the
 * validator reports it) counts as empty.
 */
export function measureOperations(document: DocumentNode): OperationShape[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const measured = new Map<string, { depth: number; aliases: number; fields: number }>();
  const inProgress = new Set<string>();

  const measureFragment = (name: string) => {
    const known = measured.get(name);
    if (known) return known;
    const fragment = fragments.get(name);
    if (!fragment || inProgress.has(name)) return { depth: 0, aliases: 0, fields: 0 };
    inProgress.add(name);
    const result = measureSet(fragment.selectionSet);
    inProgress.delete(name);
    measured.set(name, result);
    return result;
  };

  /** depth: deepest field chain; aliases: aliased fields; fields: fields directly in this set. */
  const measureSet = (set: SelectionSetNode): { depth: number; aliases: number; fields: number } => {
    let depth = 0;
    let aliases = 0;
    let fields = 0;
    for (const selection of set.selections) {
      const inner =
        selection.kind === Kind.FIELD
          ? selection.selectionSet
            ? measureSet(selection.selectionSet)
            : { depth: 0, aliases: 0, fields: 0 }
          : selection.kind === Kind.INLINE_FRAGMENT
            ? measureSet(selection.selectionSet)
            : measureFragment(selection.name.value);
      if (selection.kind === Kind.FIELD) {
        depth = Math.max(depth, (selection.name.value === OF_TYPE ? 0 : 1) + inner.depth);
        aliases = add(aliases, add(selection.alias ? 1 : 0, inner.aliases));
        fields = add(fields, 1);
      } else {
        depth = Math.max(depth, inner.depth);
        aliases = add(aliases, inner.aliases);
        fields = add(fields, inner.fields);
      }
    }
    return { depth, aliases, fields };
  };

  return document.definitions
    .filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION)
    .map((operation) => {
      const shape = measureSet(operation.selectionSet);
      return { depth: shape.depth, aliases: shape.aliases, rootFields: shape.fields };
    });
}

/**
 * Checks a document against the size and shape limits before anything else reads it: the
 * validator's own rules can take time quadratic in the number of fields, so an oversized document
 * is refused before it gets there. Returns the first limit broken, or undefined when the
 * document is within them or does not parse (the GraphQL pipeline reports syntax errors itself).
 */
export function screenDocument(source: string, limits: Limits): LimitExceededError | undefined {
  const tokens = countTokens(source);
  if (tokens === undefined) return undefined;
  if (tokens > limits.maxTokens) {
    return new LimitExceededError(ErrorCode.QueryTooLarge, 'Token count', tokens, limits.maxTokens);
  }
  let document: DocumentNode;
  try {
    document = parse(source, { noLocation: true });
  } catch {
    return undefined;
  }
  for (const shape of measureOperations(document)) {
    if (shape.depth > limits.maxDepth) {
      return new LimitExceededError(ErrorCode.QueryTooDeep, 'Query depth', shape.depth, limits.maxDepth);
    }
    if (shape.aliases > limits.maxAliases) {
      return new LimitExceededError(ErrorCode.TooManyAliases, 'Alias count', shape.aliases, limits.maxAliases);
    }
    if (shape.rootFields > limits.maxRootFields) {
      return new LimitExceededError(
        ErrorCode.TooManyRootFields,
        'Root field count',
        shape.rootFields,
        limits.maxRootFields,
      );
    }
  }
  return undefined;
}
