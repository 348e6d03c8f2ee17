import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Reads `.env` from the working directory when there is one (it is git-ignored; `.env.example`
 * documents it). Variables already set in the environment win, as with `node --env-file`.
 */
export function loadDotEnv(path: string = resolve(process.cwd(), '.env')): boolean {
  if (!existsSync(path)) return false;
  process.loadEnvFile(path);
  return true;
}
