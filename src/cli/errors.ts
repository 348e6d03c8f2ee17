/** Exit codes of the CLI, stable for scripts. */
export const ExitCode = {
  Ok: 0,
  Failure: 1,
  /** Wrong arguments or an input file with a problem. */
  Usage: 2,
  /** Neo4j could not be started or reached. */
  Unavailable: 3,
  /** stdout was closed before everything was written (`| head`): 128 + SIGPIPE, as a shell shows. */
  OutputClosed: 141,
} as const;

/** A mistake in how the CLI was called or in a file it was given; printed without a stack. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
