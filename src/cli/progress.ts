import { Presets, SingleBar } from 'cli-progress';

export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

/**
 * A progress bar on stderr, so stdout stays clean for data (`export` can write to stdout). It
 * draws only on a terminal: piped or in CI it stays silent.
 */
export function progressBar(label: string): Progress {
  const bar = new SingleBar(
    { format: `${label} [{bar}] {percentage}% {value}/{total}`, hideCursor: true, stream: process.stderr },
    Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total) {
      if (!started) {
        bar.start(total, done);
        started = true;
      } else {
        bar.setTotal(total);
        bar.update(done);
      }
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
