import type { Command } from 'commander';

import { generateKey, hashKey } from '../../modules/auth/auth.keys';
import { isRole } from '../../modules/auth/auth.roles';
import { UsageError } from '../errors';

export function registerKey(program: Command): void {
  program
    .command('key')
    .description('Generate an API key and the API_KEYS entry that stores its hash')
    .argument('<name>', 'who the key is for (letters, digits, . _ -)')
    .argument('<role>', 'reader, editor or admin')
    .action((name: string, role: string) => {
      if (!/^[\w.-]+$/.test(name)) throw new UsageError(`name "${name}" may only contain letters, digits, . _ -`);
      if (!isRole(role)) throw new UsageError(`role "${role}" must be reader, editor or admin`);
      const key = generateKey();
      process.stdout.write(
        `API key (give it to ${name}; it is shown only now):\n  ${key}\n` +
          `Add this entry to API_KEYS (comma-separated):\n  ${name}:${role}:${hashKey(key)}\n`,
      );
    });
}
