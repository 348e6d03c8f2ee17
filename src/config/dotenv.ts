import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';

/**
 * Reads `.env` from the working directory when there is one (it is git-ignored; `.env.example`
 * documents it). Variables already set in the environment win, as with `node --env-file`.
 */
export function loadDotEnv(
  path: string = resolve(process.cwd(), '.env'),
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  if (!existsSync(path)) return false;
  for (const [name, value] of Object.entries(parseEnv(readFileSync(path, 'utf8')))) {
    if (env[name] === undefined) env[name] = value;
  }
  return true;
}
