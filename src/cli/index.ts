#!/usr/bin/env node
// Before any command module: they load type-graphql classes, whose decorators need it.
import 'reflect-metadata';

import { Command } from 'commander';

import { ConfigError } from '../config';
import { ServiceUnavailableError, StartupError } from '../errors';
import { ExportAbortedError } from '../modules/export/export.service';
import { registerDuplicates } from './commands/duplicates';
import { registerExport } from './commands/export';
import { registerExtract } from './commands/extract';
import { registerImport } from './commands/import';
import { registerIngest } from './commands/ingest';
import { registerKey } from './commands/key';
import { registerSeed } from './commands/seed';
import { registerStats } from './commands/stats';
import { ExitCode, UsageError } from './errors';
import { stdoutClosed, watchStdout } from './stdout';

watchStdout();

const program = new Command()
  .name('ties-graph')
  .description('Work with the ties-graph knowledge graph from the command line')
  .showHelpAfterError()
  // Commander's own usage errors (unknown option, missing argument) exit like ours; help exits 0.
  .exitOverride((error) => process.exit(error.exitCode === 0 ? ExitCode.Ok : ExitCode.Usage));

registerSeed(program);
registerKey(program);
registerImport(program);
registerIngest(program);
registerExport(program);
registerExtract(program);
registerStats(program);
registerDuplicates(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  // The export stopped because nobody reads on: not a failure to report.
  if (stdoutClosed() && error instanceof ExportAbortedError) process.exit(ExitCode.OutputClosed);
  if (error instanceof UsageError || error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(ExitCode.Usage);
  }
  if (error instanceof StartupError || error instanceof ServiceUnavailableError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(ExitCode.Unavailable);
  }
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(ExitCode.Failure);
});
