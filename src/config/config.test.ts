import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { MAX_PAGE_SIZE } from '../graphql/pagination';
import { ConfigError, loadConfig } from './config';

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('configuration', () => {
  it('has working defaults for the embedded database', () => {
    const config = loadConfig({});
    expect(config.http.port).toBe(4000);
    expect(config.neo4j.uri).toBeUndefined();
    expect(config.embedded.boltPort).toBe(7687);
    expect(config.seedOnStart).toBe(true);
  });

  it('accepts cluster and Aura URIs unchanged', () => {
    for (const uri of ['neo4j://core1:7687', 'neo4j+s://abcd.databases.neo4j.io', 'bolt+s://db:7687']) {
      expect(loadConfig({ NEO4J_URI: uri, NEO4J_PASSWORD: 'long-enough' }).neo4j.uri).toBe(uri);
    }
  });

  it('reports every problem at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', NEO4J_URI: 'http://db', NEO4J_PASSWORD: 'short', SEED_ON_START: 'maybe' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/PORT/);
    expect(problems).toMatch(/NEO4J_URI/);
    expect(problems).toMatch(/NEO4J_PASSWORD/);
    expect(problems).toMatch(/SEED_ON_START/);
  });

  it('needs a password for a server it does not start itself', () => {
    expect(() => loadConfig({ NEO4J_URI: 'bolt://db:7687' })).toThrow(/NEO4J_PASSWORD/);
  });

  it('reads API keys without ever holding the keys themselves', () => {
    const hash = 'a'.repeat(64);
    expect(loadConfig({ API_KEYS: `alice:editor:${hash}` }).auth.apiKeys).toEqual([
      { name: 'alice', role: 'editor', sha256: hash },
    ]);
    expect(() => loadConfig({ API_KEYS: 'alice:god:xyz' })).toThrow(ConfigError);
  });

  it('turns introspection off in production unless asked for, and limits page sizes within the schema ceiling', () => {
    expect(loadConfig({}).http.introspection).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' }).http.introspection).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', INTROSPECTION: 'true' }).http.introspection).toBe(true);
    expect(loadConfig({}).limits.maxPageSize).toBe(MAX_PAGE_SIZE);
    expect(problemsOf({ MAX_PAGE_SIZE: String(MAX_PAGE_SIZE + 1) }).join()).toMatch(/MAX_PAGE_SIZE/);
  });

  it('reads the CORS allow-list and refuses what is not an origin', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://a.example, http://localhost:3000' }).http.corsOrigins).toEqual([
      'https://a.example',
      'http://localhost:3000',
    ]);
    expect(problemsOf({ CORS_ORIGINS: 'https://a.example/path' }).join()).toMatch(/CORS_ORIGINS/);
  });

  it('accepts JWTs only with a key, an issuer and an audience, and lists every JWT problem', () => {
    expect(loadConfig({}).auth.jwt).toBeUndefined();
    const problems = problemsOf({ JWT_HS256_SECRET: 'short', JWT_PUBLIC_KEY_FILE: '/nonexistent/key.pem' });
    expect(problems.join('\n')).toMatch(/JWT_HS256_SECRET/);
    expect(problemsOf({ JWT_HS256_SECRET: 'x'.repeat(32) })).toEqual([
      'JWT_ISSUER: required when JWTs are accepted',
      'JWT_AUDIENCE: required when JWTs are accepted',
    ]);
    expect(problemsOf({ JWT_PUBLIC_KEY_FILE: '/nonexistent/key.pem', JWT_ISSUER: 'i', JWT_AUDIENCE: 'a' })).toEqual([
      'JWT_PUBLIC_KEY_FILE: cannot read /nonexistent/key.pem (ENOENT)',
    ]);
  });

  it('reads an RS256 public key as PEM or JWKS', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ties-graph-config-'));
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = join(dir, 'key.pem');
    const jwks = join(dir, 'jwks.json');
    const junk = join(dir, 'junk.txt');
    writeFileSync(pem, publicKey.export({ type: 'spki', format: 'pem' }));
    writeFileSync(jwks, JSON.stringify({ keys: [{ ...publicKey.export({ format: 'jwk' }), kid: 'k1' }] }));
    writeFileSync(junk, 'not a key');
    const base = { JWT_ISSUER: 'https://issuer.test', JWT_AUDIENCE: 'ties-graph' };
    expect(loadConfig({ ...base, JWT_PUBLIC_KEY_FILE: pem }).auth.jwt?.publicKey?.kind).toBe('pem');
    expect(loadConfig({ ...base, JWT_PUBLIC_KEY_FILE: jwks }).auth.jwt?.publicKey?.kind).toBe('jwks');
    expect(problemsOf({ ...base, JWT_PUBLIC_KEY_FILE: junk }).join()).toMatch(/neither a PEM public key nor a JWKS/);
  });
});
