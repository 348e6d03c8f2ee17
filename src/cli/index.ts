#!/usr/bin/env node
import { Command } from 'commander';

import { ConfigError } from '../config';
import { StartupError } from '../errors';
import { registerImport } from './commands/import';
import { registerKey } from './commands/key';
import { registerSeed } from './commands/seed';
import { ExitCode, UsageError } from './errors';

const program = new Command()
  .name('ties-graph')
  .description('Work with the ties-graph knowledge graph from the command line')
  .showHelpAfterError();

registerSeed(program);
registerKey(program);
registerImport(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof UsageError || error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(ExitCode.Usage);
  }
  if (error instanceof StartupError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(ExitCode.Unavailable);
  }
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(ExitCode.Failure);
});
