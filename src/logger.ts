/** Minimal leveled logger on stderr, so stdout stays free for the messages a user acts on. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

export function createLogger(quiet = false): Logger {
  const write = (level: string, message: string): void => {
    if (!quiet) process.stderr.write(`${new Date().toISOString()} ${level} ${message}\n`);
  };
  return {
    info: (message) => write('info', message),
    warn: (message) => write('warn', message),
    error: (message, error) =>
      write('error', error instanceof Error ? `${message}: ${error.stack ?? error.message}` : message),
  };
}
