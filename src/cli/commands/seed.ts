import type { Command } from 'commander';

import { loadSeed } from '../../seed';
import { withGraph } from '../graph-session';

export function registerSeed(program: Command): void {
  program
    .command('seed')
    .description('Load the seed graph (seed/*.json); idempotent')
    .action(async () => {
      await withGraph(async (session) => {
        for (const summary of await loadSeed(session.schema, () => session.context())) {
          process.stdout.write(
            `${summary.file}: ${summary.entitiesCreated} entities and ${summary.tiesCreated} ties created\n`,
          );
        }
      });
    });
}
