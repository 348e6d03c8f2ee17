import { SignJWT } from 'jose';

import { generateKey, hashKey } from '../../src/modules/auth/auth.keys';
import { Harness } from '../support/harness';
import { bearer, postGraphQL } from '../support/http';
import { operationFor, requiredArguments, rootFields } from '../support/schema-walk';

const SECRET = 'access-test-secret-of-at-least-32-chars';
const ISSUER = 'https://issuer.test';
const AUDIENCE = 'ties-graph';

function token(roles: unknown, options: { audience?: string; expires?: string } = {}): Promise<string> {
  return new SignJWT({ roles })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('someone')
    .setIssuer(ISSUER)
    .setAudience(options.audience ?? AUDIENCE)
    .setExpirationTime(options.expires ?? '10m')
    .sign(new TextEncoder().encode(SECRET));
}

/**
 * Who may do what, over real HTTP: every mutation needs an editor (or admin) credential, an API
 * key or a JWT; reads are open unless REQUIRE_AUTH_FOR_READS; a refused write leaves the graph as
 * it was.
 */
describe('access control', () => {
  let harness: Harness;
  let open: Awaited<ReturnType<Harness['serve']>>;
  let closed: Awaited<ReturnType<Harness['serve']>>;
  const keys = { reader: generateKey(), editor: generateKey(), admin: generateKey() };
  const env = {
    API_KEYS: Object.entries(keys)
      .map(([role, key]) => `${role}-key:${role}:${hashKey(key)}`)
      .join(','),
    JWT_HS256_SECRET: SECRET,
    JWT_ISSUER: ISSUER,
    JWT_AUDIENCE: AUDIENCE,
  };

  beforeAll(async () => {
    harness = await Harness.openSeeded();
    open = await harness.serve(env);
    closed = await harness.serve({ ...env, REQUIRE_AUTH_FOR_READS: 'true' });
  });

  afterAll(async () => {
    await open.close();
    await closed.close();
    await harness.close();
  });

  const mutations = () => rootFields(harness.schema).filter((root) => root.operation === 'mutation');
  const queries = () => rootFields(harness.schema).filter((root) => root.operation === 'query');

  it('refuses every mutation without a credential or with only a reader one, and writes nothing', async () => {
    const before = await harness.fingerprint();
    const readerJwt = await token(['reader']);
    const callers: [string, Record<string, string>, string][] = [
      ['anonymous', {}, 'UNAUTHENTICATED'],
      ['reader key', bearer(keys.reader), 'FORBIDDEN'],
      ['reader JWT', bearer(readerJwt), 'FORBIDDEN'],
      ['JWT without roles', bearer(await token([])), 'FORBIDDEN'],
    ];
    expect(mutations().length).toBeGreaterThan(20);
    for (const root of mutations()) {
      for (const [caller, headers, code] of callers) {
        const { body } = await postGraphQL(
          open.url,
          { query: operationFor(root), variables: requiredArguments(root.field) },
          headers,
        );
        expect({
          mutation: root.field.name,
          caller,
          codes: body?.errors?.map((error) => error.extensions?.code),
        }).toEqual({ mutation: root.field.name, caller, codes: [code] });
        expect(body?.data ?? null).toBeNull();
      }
    }
    expect(await harness.fingerprint()).toEqual(before);
  });

  it('lets editors and admins write, with an API key (Bearer or X-API-Key) or a JWT', async () => {
    const create = (name: string) => ({ query: `mutation { createSector(input: { name: "${name}" }) { id } }` });
    const writers: [string, Record<string, string>][] = [
      ['Logistics', bearer(keys.editor)],
      ['Shipping', { 'x-api-key': keys.admin }],
      ['Aviation', bearer(await token('editor'))],
      ['Fisheries', bearer(await token(['reader', 'admin']))],
    ];
    for (const [name, headers] of writers) {
      const { body } = await postGraphQL(open.url, create(name), headers);
      expect(body).toEqual({ data: { createSector: { id: `sector:${name.toLowerCase()}` } } });
    }
  });

  it('refuses a credential that does not check out with HTTP 401, even where reads are open', async () => {
    const refused: [string, Record<string, string>, RegExp][] = [
      ['unknown key', bearer(generateKey()), /API key is not valid/],
      ['unknown X-API-Key', { 'x-api-key': 'nope' }, /API key is not valid/],
      ['expired JWT', bearer(await token('editor', { expires: '-2m' })), /expired/],
      ['JWT for another API', bearer(await token('editor', { audience: 'other' })), /"aud" claim/],
      ['Basic credentials', { authorization: 'Basic dXNlcjpwYXNz' }, /Bearer/],
    ];
    for (const [name, headers, message] of refused) {
      const { status, body } = await postGraphQL(open.url, { query: '{ region(id: "region:kz") { name } }' }, headers);
      expect({ name, status, code: body?.errors?.[0]?.extensions?.code }).toEqual({
        name,
        status: 401,
        code: 'UNAUTHENTICATED',
      });
      expect(body?.errors?.[0]?.message).toMatch(message);
      expect(body?.data).toBeUndefined();
    }
  });

  it('serves reads to anyone by default', async () => {
    const { body } = await postGraphQL(open.url, { query: '{ region(id: "region:kz") { name } }' });
    expect(body).toEqual({ data: { region: { name: 'Kazakhstan' } } });
  });

  it('with REQUIRE_AUTH_FOR_READS, refuses every query without a reader credential', async () => {
    const noRoles = bearer(await token([]));
    for (const root of queries()) {
      const request = { query: operationFor(root), variables: requiredArguments(root.field) };
      const anonymous = await postGraphQL(closed.url, request);
      expect({ query: root.field.name, codes: anonymous.body?.errors?.map((error) => error.extensions?.code) }).toEqual(
        {
          query: root.field.name,
          codes: ['UNAUTHENTICATED'],
        },
      );
      const roleless = await postGraphQL(closed.url, request, noRoles);
      expect(roleless.body?.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
      for (const headers of [bearer(keys.reader), bearer(await token('reader'))]) {
        const allowed = await postGraphQL(closed.url, request, headers);
        const codes = allowed.body?.errors?.map((error) => error.extensions?.code) ?? [];
        expect({
          query: root.field.name,
          codes: codes.filter((code) => code === 'UNAUTHENTICATED' || code === 'FORBIDDEN'),
        }).toEqual({
          query: root.field.name,
          codes: [],
        });
      }
    }
    const { body } = await postGraphQL(
      closed.url,
      { query: '{ region(id: "region:kz") { name } }' },
      bearer(keys.reader),
    );
    expect(body).toEqual({ data: { region: { name: 'Kazakhstan' } } });
  });
});
