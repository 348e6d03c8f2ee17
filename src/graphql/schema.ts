import 'reflect-metadata';

import { validate } from 'class-validator';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';

import { BadUserInputError, type FieldProblem } from '../errors';
import { authChecker } from '../modules/auth/auth.checker';
import { guardReads } from '../modules/auth/auth.reads';
import { DocumentResolver } from '../modules/document/document.resolver';
import { NodeResolver } from '../modules/entity/entity.resolver';
import { ExtractResolver } from '../modules/extract/extract.resolver';
import { FigureResolver } from '../modules/figure/figure.resolver';
import { ForumResolver } from '../modules/forum/forum.resolver';
import { GraphResolver } from '../modules/graph/graph.resolver';
import { IngestResolver } from '../modules/ingest/ingest.resolver';
import { OfficialResolver } from '../modules/official/official.resolver';
import { OrganizationResolver } from '../modules/organization/organization.resolver';
import { RegionResolver } from '../modules/region/region.resolver';
import { SearchResolver } from '../modules/search/search.resolver';
import { SectorResolver } from '../modules/sector/sector.resolver';
import { SigningResolver } from '../modules/signing/signing.resolver';
import { SourceResolver } from '../modules/source/source.resolver';
import { StatsResolver } from '../modules/stats/stats.resolver';
import { TieResolver } from '../modules/tie/tie.resolver';
import { batchLoadsByParent } from './loaders';

export const RESOLVERS = [
  NodeResolver,
  RegionResolver,
  OrganizationResolver,
  OfficialResolver,
  ForumResolver,
  DocumentResolver,
  SectorResolver,
  SourceResolver,
  FigureResolver,
  TieResolver,
  IngestResolver,
  SigningResolver,
  GraphResolver,
  SearchResolver,
  StatsResolver,
  ExtractResolver,
] as const;

interface ValidationFailure {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationFailure[];
}

/** Flattens class-validator's tree into `input.entities[2].region.iso2: must be …` problems. */
export function flattenValidation(errors: ValidationFailure[], path: string): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = /^\d+$/.test(error.property)
      ? `${path}[${error.property}]`
      : path === ''
        ? error.property
        : `${path}.${error.property}`;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      message: message.replace(new RegExp(`^${error.property} `), ''),
    }));
    return [...own, ...flattenValidation(error.children ?? [], field)];
  });
}

/**
 * Validates every input argument with class-validator and reports each problem under the path of
 * its field, so a client can tell `report.entities[2].region.iso2` is what is wrong.
 */
async function validateArgument(argValue: unknown, rawArgs: Record<string, unknown>): Promise<void> {
  if (argValue === null || typeof argValue !== 'object') return;
  const argName = argumentPath(argValue, rawArgs);
  const values = Array.isArray(argValue) ? argValue : [argValue];
  const problems: FieldProblem[] = [];
  for (const [index, value] of values.entries()) {
    if (value === null || typeof value !== 'object') continue;
    const errors = await validate(value as object, { forbidUnknownValues: false });
    problems.push(...flattenValidation(errors, Array.isArray(argValue) ? `${argName}[${index}]` : argName));
  }
  if (problems.length > 0) {
    const summary = problems
      .slice(0, 5)
      .map((problem) => `${problem.field}: ${problem.message}`)
      .join('; ');
    throw new BadUserInputError(
      problems.length > 5 ? `${summary}; and ${problems.length - 5} more` : summary,
      problems,
    );
  }
}

/**
 * type-graphql hands the validator the converted argument but not its name; recover it from the
 * raw arguments: the object argument whose every field the value has (an input such as `input`),
 * else, when the value's fields are arguments themselves, an @ArgsType (`first`, `after`), which
 * gets no prefix. The input is looked for first: `updateRegion(id, input: { id, … })` has an `id`
 * on both levels.
 */
function argumentPath(argValue: object, rawArgs: Record<string, unknown>): string {
  const ownKeys = new Set(Object.keys(argValue));
  const sources = Object.entries(rawArgs).filter(([, raw]) => {
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw) !== Array.isArray(argValue)) return false;
    if (Array.isArray(raw)) return true;
    const keys = Object.keys(raw);
    return keys.length > 0 && keys.every((key) => ownKeys.has(key));
  });
  if (sources.length === 1 && sources[0]) return sources[0][0];
  if ([...ownKeys].some((key) => key in rawArgs)) return '';
  return argValue.constructor.name;
}

export async function createSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: [...RESOLVERS],
    authChecker,
    validateFn: (argValue, _type, { args }) => validateArgument(argValue, args),
  });
  return batchLoadsByParent(guardReads(schema));
}
