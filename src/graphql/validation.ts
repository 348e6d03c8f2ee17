import { validate } from 'class-validator';

import { BadUserInputError, type FieldProblem } from '../errors';
import { controlCharacterProblems } from './text-input';
export interface ValidationFailure {
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
 * Validates every argument: control characters in any string (see `controlCharacterProblems`),
 * then class-validator on input objects, each problem under the path of its field, so a client
 * can tell `report.entities[2].region.iso2` is what is wrong.
 */
export async function validateArgument(argValue: unknown, rawArgs: Record<string, unknown>): Promise<void> {
  if (argValue === null || argValue === undefined) return;
  if (typeof argValue !== 'object') {
    // A scalar argument: its name is the raw argument holding this very value.
    const name = Object.keys(rawArgs).find((key) => rawArgs[key] === argValue) ?? 'argument';
    refuse(controlCharacterProblems(argValue, name, name));
    return;
  }
  const argName = argumentPath(argValue, rawArgs);
  const problems = controlCharacterProblems(argValue, argName);
  const values = Array.isArray(argValue) ? argValue : [argValue];
  for (const [index, value] of values.entries()) {
    if (value === null || typeof value !== 'object') continue;
    const errors = await validate(value as object, { forbidUnknownValues: false });
    problems.push(...flattenValidation(errors, Array.isArray(argValue) ? `${argName}[${index}]` : argName));
  }
  refuse(problems);
}

function refuse(problems: FieldProblem[]): void {
  if (problems.length === 0) return;
  const summary = problems
    .slice(0, 5)
    .map((problem) => `${problem.field}: ${problem.message}`)
    .join('; ');
  throw new BadUserInputError(problems.length > 5 ? `${summary}; and ${problems.length - 5} more` : summary, problems);
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

/** Validates one input object as an argument named `path` would be; refuses with every problem. */
export async function validateInput(value: object, path: string): Promise<void> {
  const problems = controlCharacterProblems(value, path);
  problems.push(...flattenValidation(await validate(value, { forbidUnknownValues: false }), path));
  refuse(problems);
}
