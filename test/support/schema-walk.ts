import {
  getNamedType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';

/** One root field of the schema, as a request can reach it. */
export interface RootField {
  readonly operation: 'query' | 'mutation';
  readonly field: GraphQLField<unknown, unknown>;
}

/** Where a string goes in a field's arguments: `['input', 'name']`, `['report', 'entities', 0, 'ref']`. */
export type ArgumentPath = readonly (string | number)[];

export function rootFields(schema: GraphQLSchema): RootField[] {
  const fields: RootField[] = [];
  for (const [operation, type] of [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as const) {
    for (const field of Object.values(type?.getFields() ?? {})) fields.push({ operation, field });
  }
  return fields;
}

const SCALAR_SAMPLES: Record<string, unknown> = {
  String: 'sample',
  ID: 'sample:id',
  Int: 1,
  Float: 1.5,
  Boolean: true,
  DateTimeISO: '2023-03-28T00:00:00.000Z',
};

/** A value the GraphQL layer accepts for `type`, with only the required input fields set. */
export function sampleValue(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sampleValue(type.ofType);
  if (isListType(type)) return [sampleValue(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0]?.name;
  if (isScalarType(type)) {
    if (!(type.name in SCALAR_SAMPLES)) throw new Error(`no sample for scalar ${type.name}`);
    return SCALAR_SAMPLES[type.name];
  }
  const value: Record<string, unknown> = {};
  for (const field of Object.values(type.getFields())) {
    if (isNonNullType(field.type)) value[field.name] = sampleValue(field.type);
  }
  return value;
}

/** Every position in a value of `type` that can hold a String or ID (recursive inputs: 3 levels). */
export function stringPaths(type: GraphQLInputType, prefix: ArgumentPath = [], depth = 0): ArgumentPath[] {
  if (isNonNullType(type)) return stringPaths(type.ofType, prefix, depth);
  if (isListType(type)) return stringPaths(type.ofType, [...prefix, 0], depth);
  if (isScalarType(type)) return type.name === 'String' || type.name === 'ID' ? [prefix] : [];
  if (!isInputObjectType(type)) return [];
  return Object.values(type.getFields()).flatMap((field) =>
    isNonNullType(field.type) || depth < 3 ? stringPaths(field.type, [...prefix, field.name], depth + 1) : [],
  );
}

export function argumentStringPaths(field: GraphQLField<unknown, unknown>): ArgumentPath[] {
  return field.args.flatMap((arg) => stringPaths(arg.type, [arg.name]));
}

/** `value` (of `type`) with `text` at `path`, creating what the path passes through with samples. */
function setAt(value: unknown, type: GraphQLInputType, path: ArgumentPath, text: unknown): unknown {
  if (path.length === 0) return text;
  if (isNonNullType(type)) return setAt(value, type.ofType, path, text);
  const [, ...rest] = path;
  if (isListType(type)) {
    const list: unknown[] =
      Array.isArray(value) && value.length > 0 ? [...(value as unknown[])] : [sampleValue(type.ofType)];
    list[0] = setAt(list[0], type.ofType, rest, text);
    return list;
  }
  if (!isInputObjectType(type)) throw new Error(`cannot descend into ${type.toString()}`);
  const object = { ...((value ?? sampleValue(type)) as Record<string, unknown>) };
  const key = String(path[0]);
  const field = type.getFields()[key];
  if (!field) throw new Error(`${type.name} has no field ${key}`);
  object[key] = setAt(object[key], field.type, rest, text);
  return object;
}

/**
 * Arguments for `field`: the required ones with samples, and `text` at `path` (optional inputs
 * on the way created with their required fields), so the text is what the resolver sees.
 */
export function argumentsWith(
  field: GraphQLField<unknown, unknown>,
  path: ArgumentPath,
  text: unknown,
): Record<string, unknown> {
  const args: Record<string, unknown> = Object.fromEntries(
    field.args.filter((arg) => isNonNullType(arg.type)).map((arg) => [arg.name, sampleValue(arg.type)]),
  );
  const arg = field.args.find((candidate) => candidate.name === path[0]);
  if (!arg) throw new Error(`${field.name} has no argument ${String(path[0])}`);
  args[arg.name] = setAt(args[arg.name], arg.type, path.slice(1), text);
  return args;
}

/** Arguments for `field` with only the required ones set. */
export function requiredArguments(field: GraphQLField<unknown, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    field.args.filter((arg) => isNonNullType(arg.type)).map((arg) => [arg.name, sampleValue(arg.type)]),
  );
}

/**
 * A small valid selection for an output type that still shows whether an answer is empty:
 * `__typename`, plus each list field without required arguments (one level deep).
 */
export function selectionFor(type: GraphQLOutputType): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (!isObjectType(named) && !isInterfaceType(named)) return '{ __typename }';
  const lists = Object.values(named.getFields()).filter(
    (field) =>
      isListType(isNonNullType(field.type) ? field.type.ofType : field.type) &&
      field.args.every((arg) => !isNonNullType(arg.type)),
  );
  const parts = lists.map((field) =>
    isLeafType(getNamedType(field.type)) ? field.name : `${field.name} { __typename }`,
  );
  return `{ __typename ${parts.join(' ')} }`;
}

/** The operation text for calling `field` with every argument passed as a variable of its own. */
export function operationFor({ operation, field }: RootField): string {
  const variables = field.args.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
  const args = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  return `${operation} Hostile${variables ? `(${variables})` : ''} { ${field.name}${args ? `(${args})` : ''} ${selectionFor(field.type)} }`;
}
