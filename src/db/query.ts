import type { z } from 'zod';

import type { Cypher } from './cypher';

/**
 * A named, parameterised Cypher statement with the schema its rows must match. Every value
 * reaches Neo4j as a parameter; the name shows up in logs and errors instead of the Cypher.
 */
export interface Query<Row> {
  readonly name: string;
  readonly cypher: string;
  readonly row: z.ZodType<Row>;
  /** Parameters fixed for this query (e.g. the tie type a generic traversal follows). */
  readonly fixedParams?: Params;
}

export function defineQuery<Row>(
  name: string,
  statement: string | Cypher,
  row: z.ZodType<Row>,
  fixedParams?: Params,
): Query<Row> {
  const cypher = statement.toString();
  return fixedParams ? { name, cypher, row, fixedParams } : { name, cypher, row };
}

export type Params = Record<string, unknown>;
