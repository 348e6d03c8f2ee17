import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { loadDotEnv } from './dotenv';

describe('.env', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ties-graph-dotenv-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('fills in variables the environment leaves unset, and never overrides one that is set', () => {
    const file = join(dir, '.env');
    writeFileSync(file, '# a comment\nPORT=4100\nNEO4J_USER=from-file\n');
    const env: NodeJS.ProcessEnv = { NEO4J_USER: 'from-environment' };
    expect(loadDotEnv(file, env)).toBe(true);
    expect(env).toEqual({ PORT: '4100', NEO4J_USER: 'from-environment' });
  });

  it('is optional', () => {
    const env: NodeJS.ProcessEnv = {};
    expect(loadDotEnv(join(dir, 'missing.env'), env)).toBe(false);
    expect(env).toEqual({});
  });
});
