import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
// Inside the project, so codegen finds its plugins and tsc finds graphql in node_modules.
const SCRATCH = join(ROOT, '.artifacts', 'typed-client');

function run(args: string[], cwd: string): void {
  try {
    execFileSync(process.execPath, args, { cwd, stdio: 'pipe' });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`${args.join(' ')} failed:\n${stdout?.toString() ?? ''}${stderr?.toString() ?? ''}`);
  }
}

/**
 * The typed client: `npm run codegen` over schema/schema.graphql and the README's example
 * operations, run here on copies so the test never rewrites the committed file.
 */
describe('typed client', () => {
  let fresh: string;

  beforeAll(() => {
    rmSync(SCRATCH, { recursive: true, force: true });
    mkdirSync(join(SCRATCH, 'schema'), { recursive: true });
    copyFileSync(join(ROOT, 'schema', 'schema.graphql'), join(SCRATCH, 'schema', 'schema.graphql'));
    cpSync(join(ROOT, 'client', 'operations'), join(SCRATCH, 'client', 'operations'), { recursive: true });
    cpSync(join(ROOT, 'examples', 'client.ts'), join(SCRATCH, 'examples', 'client.ts'));
    run(
      [join(ROOT, 'node_modules', '.bin', 'graphql-codegen'), '--config', join(ROOT, 'codegen.ts'), '--silent'],
      SCRATCH,
    );
    fresh = readFileSync(join(SCRATCH, 'client', 'generated', 'graphql.ts'), 'utf8');
  }, 60_000);

  it('is generated from the current schema and operations (when this fails, run `npm run codegen`)', () => {
    expect(readFileSync(join(ROOT, 'client', 'generated', 'graphql.ts'), 'utf8')).toBe(fresh);
  });

  it('compiles, with the example client, under the project’s strict settings', () => {
    writeFileSync(
      join(SCRATCH, 'tsconfig.json'),
      JSON.stringify({
        extends: '../../tsconfig.json',
        compilerOptions: { noEmit: true, rootDir: '.' },
        include: ['examples/*.ts', 'client/generated/*.ts'],
      }),
    );
    run([require.resolve('typescript/bin/tsc'), '-p', join(SCRATCH, 'tsconfig.json')], ROOT);
  }, 120_000);
});
