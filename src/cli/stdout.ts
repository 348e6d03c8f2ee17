import { ExitCode } from './errors';

/**
 * A reader that stops early (`ties-graph export --format json | head`) closes stdout, and the next
 * write fails with EPIPE. Unix tools are stopped quietly by SIGPIPE there; Node ignores SIGPIPE and
 * raises the error on `process.stdout` instead, which unhandled crashes with a stack trace. This
 * records it so the command can wind down (the export stops at its next write, the database is
 * closed) and the CLI exits with the status a shell shows for a tool stopped by SIGPIPE.
 */
let readerGone = false;

export function watchStdout(stdout: NodeJS.WriteStream = process.stdout): void {
  stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    readerGone = true;
  });
  // The last write of a command fails after the command has returned, so the status is set here.
  process.once('exit', (code) => {
    if (readerGone && code === 0) process.exitCode = ExitCode.OutputClosed;
  });
}

/** True once stdout's reader has gone. */
export function stdoutClosed(): boolean {
  return readerGone;
}
