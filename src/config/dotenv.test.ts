import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { loadDotEnv } from './dotenv';

describe('.env', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ties-graph-dotenv-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('fills in variables the environment leaves unset, and never overrides one that is set', () => {
    const file = join(dir, '.env');
    writeFileSync(file, 'TIES_DOTENV_TEST_A=from-file\nTIES_DOTENV_TEST_B=from-file\n');
    process.env.TIES_DOTENV_TEST_B = 'from-environment';
    expect(loadDotEnv(file)).toBe(true);
    expect(process.env.TIES_DOTENV_TEST_A).toBe('from-file');
    expect(process.env.TIES_DOTENV_TEST_B).toBe('from-environment');
    delete process.env.TIES_DOTENV_TEST_A;
    delete process.env.TIES_DOTENV_TEST_B;
  });

  it('is optional', () => {
    expect(loadDotEnv(join(dir, 'missing.env'))).toBe(false);
  });
});
