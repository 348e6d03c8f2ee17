import {
  getNamedType,
  type GraphQLField,
  type GraphQLInputType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';

import { ENTITY_TYPES } from '../../src/modules/entity/entity.model';
import { Harness } from '../support/harness';
import {
  type ArgumentPath,
  argumentStringPaths,
  argumentsWith,
  operationFor,
  rootFields,
} from '../support/schema-walk';

/** Every position in a value of `type` that holds an ID (recursive inputs: 3 levels). */
function idPaths(type: GraphQLInputType, prefix: ArgumentPath = [], depth = 0): ArgumentPath[] {
  if (isNonNullType(type)) return idPaths(type.ofType, prefix, depth);
  if (isListType(type)) return idPaths(type.ofType, [...prefix, 0], depth);
  if (isScalarType(type)) return type.name === 'ID' ? [prefix] : [];
  if (!isInputObjectType(type) || depth > 3) return [];
  return Object.values(type.getFields()).flatMap((field) => idPaths(field.type, [...prefix, field.name], depth + 1));
}

/** How the API names a path in its problems: `report.entities[0].region.id`. */
const fieldName = (path: ArgumentPath) =>
  path.map((key, index) => (typeof key === 'number' ? `[${key}]` : index === 0 ? key : `.${key}`)).join('');

const PREFIX: Record<string, string> = { Organization: 'org', Document: 'doc' };

/** A well-formed id of the entity type a root field is about (`updateDocument` → `doc:sample`), else a region's. */
function sampleId(field: GraphQLField<unknown, unknown>, suffix = ''): string {
  const type = ENTITY_TYPES.find((candidate) => field.name.toLowerCase().endsWith(candidate.toLowerCase()));
  return `${type ? (PREFIX[type] ?? type.toLowerCase()) : 'region'}:sample${suffix}`;
}

/**
 * Arguments for `field` with `value` at `path`, and well-formed ids at the field's other
 * required ids (`updateDocument(id: "doc:sample")`, the other end of a tie or of `ties`), so
 * what is refused is `value` and nothing else.
 */
function argumentsFor(field: GraphQLField<unknown, unknown>, path: ArgumentPath, value: unknown) {
  const args = argumentsWith(field, path, value);
  for (const arg of field.args) {
    if (arg.name === path[0]) continue;
    if (getNamedType(arg.type).name === 'ID' && isNonNullType(arg.type))
      args[arg.name] = sampleId(field, `-${arg.name}`);
  }
  for (const holder of Object.values(args)) {
    if (holder === null || typeof holder !== 'object' || Array.isArray(holder)) continue;
    const ends = holder as Record<string, unknown>;
    for (const end of ['from', 'to'] as const) {
      if (typeof ends[end] === 'string' && ends[end] !== value) ends[end] = `region:sample-${end}`;
    }
  }
  return args;
}

describe('inputs the API refuses before any work', () => {
  let harness: Harness;
  let server: Awaited<ReturnType<Harness['serve']>>;

  beforeAll(async () => {
    harness = await Harness.openSeeded();
    server = await harness.serve();
  });

  afterAll(async () => {
    await server?.close();
    await harness?.close();
  });

  describe('malformed ids', () => {
    it('refuses an id without its type prefix at every ID argument and input field, naming the prefix', async () => {
      const failures: string[] = [];
      let checked = 0;
      for (const root of rootFields(harness.schema)) {
        const { field } = root;
        for (const path of field.args.flatMap((arg) => idPaths(arg.type, [arg.name]))) {
          checked += 1;
          const result = await harness.run(operationFor(root), argumentsFor(field, path, 'kz'));
          const error = result.errors?.[0];
          const problem = error?.extensions?.problems?.find((each) => each.field === fieldName(path));
          if (error?.extensions?.code !== 'BAD_USER_INPUT' || !problem || !/"[a-z]+:"/.test(problem.message)) {
            failures.push(`${field.name} ${fieldName(path)}: ${JSON.stringify(result.errors ?? result.data)}`);
          }
        }
      }
      expect(checked).toBeGreaterThan(60);
      expect(failures).toEqual([]);
    });

    it('refuses a typed lookup of another type’s id, and node(id) with an unknown prefix', async () => {
      const result = await harness.run(`{ region(id: "kz") { id } }`);
      expect(result.data).toEqual({ region: null });
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toBe(
        'id: must be a Region id: "region:" then letters, digits, ".", "_", "~" or "-" (e.g. "region:kz"), not "kz"',
      );
      for (const query of [
        `{ region(id: "doc:kz-xuar-dialogue-2-commercial") { id } }`,
        `{ documents(filter: { region: "forum:kz-xuar-cross-border-dialogue-2" }) { nodes { id } } }`,
        `{ node(id: "country:kz") { id } }`,
        `{ entity(id: "kz") { id } }`,
        `{ region(id: "region:") { id } }`,
        `mutation { updateRegion(id: "region:kz", input: { id: "doc:kz", name: "Kazakhstan", kind: COUNTRY }) { id } }`,
      ]) {
        const refused = await harness.run(query);
        expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      }
      const unknown = await harness.run(`{ node(id: "country:kz") { id } }`);
      expect(unknown.errors?.[0]?.message).toContain('"region:", "org:"');
      // Well-formed ids of the right type that name nothing are still simply not found.
      const absent = await harness.run(`{ region(id: "region:atlantis") { id } node(id: "doc:nothing") { id } }`);
      expect(absent).toMatchObject({ data: { region: null, node: null } });
      expect(absent.errors).toBeUndefined();
    });
  });

  describe('control characters', () => {
    it('refuses a NUL at every String and ID position, naming the field', async () => {
      const failures: string[] = [];
      let checked = 0;
      for (const root of rootFields(harness.schema)) {
        const { field } = root;
        for (const path of argumentStringPaths(field)) {
          checked += 1;
          const result = await harness.run(operationFor(root), argumentsFor(field, path, 'a\u0000b'));
          const error = result.errors?.[0];
          if (
            error?.extensions?.code !== 'BAD_USER_INPUT' ||
            !error.extensions.problems?.some((problem) => problem.field === fieldName(path))
          ) {
            failures.push(`${field.name} ${fieldName(path)}: ${JSON.stringify(result.errors ?? result.data)}`);
          }
        }
      }
      expect(checked).toBeGreaterThan(250);
      expect(failures).toEqual([]);
    });

    it('stores tabs and line breaks in a description, and nothing with a control character', async () => {
      const before = await harness.fingerprint();
      const refused = await harness.run(`mutation { createSector(input: { name: "Null\\u0000sector" }) { id } }`);
      expect(refused.errors?.[0]?.message).toBe('input.name: must not contain control characters (found U+0000)');
      const escape = await harness.run(
        `mutation { createSector(input: { name: "Escapes", description: "red \\u001b[31m" }) { id } }`,
      );
      expect(escape.errors?.[0]?.extensions?.problems).toEqual([
        {
          field: 'input.description',
          message: 'must not contain control characters other than tab, line feed and carriage return (found U+001B)',
        },
      ]);
      expect(await harness.fingerprint()).toEqual(before);

      const created = await harness.run<{ createSector: { id: string; description: string } }>(
        `mutation { createSector(input: { name: "Layout", description: "one\\ttwo\\r\\nthree" }) { id description } }`,
      );
      expect(created.errors).toBeUndefined();
      expect(created.data?.createSector.description).toBe('one\ttwo\r\nthree');
    });

    it('refuses them over HTTP too, with the search text named', async () => {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: 'query ($text: String!) { search(text: $text) { score } }',
          variables: { text: 'kz\u0000' },
        }),
      });
      const body = (await response.json()) as {
        errors: { extensions: { code: string; problems: { field: string }[] } }[];
      };
      expect(body.errors[0]?.extensions.code).toBe('BAD_USER_INPUT');
      expect(body.errors[0]?.extensions.problems.map((problem) => problem.field)).toEqual(['text']);
    });
  });
});
