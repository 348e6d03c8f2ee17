import { readFileSync } from 'node:fs';

import autocannon from 'autocannon';

import type { BenchRequest } from './queries';

export interface Measurement {
  readonly requests: number;
  readonly seconds: number;
  /** Completed requests per second over the whole run. */
  readonly throughput: number;
  /** Latencies in milliseconds. */
  readonly p50: number;
  readonly p99: number;
  readonly mean: number;
  /** Transport errors, timeouts, non-2xx answers and answers carrying GraphQL `errors`. */
  readonly errors: number;
  /**
   * CPU time per request, in milliseconds, of the system's own process and of Neo4j: what a
   * request costs, which a busy machine inflates far less than it does latency.
   */
  readonly cpuMsPerRequest: { readonly server: number; readonly neo4j: number };
}

export interface LoadOptions {
  readonly connections: number;
  readonly seconds: number;
  /** The processes whose CPU time is charged to the requests. */
  readonly serverPid: number;
  readonly neo4jPid: number;
}

/** User plus system CPU seconds a process has used so far (Linux /proc; NaN elsewhere). */
export function cpuSeconds(pid: number): number {
  try {
    // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the name; in clock
    // ticks, which are 100 a second on Linux.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

/**
 * Sends the requests round-robin (each connection cycles through the list) for a fixed time and
 * reports throughput and latency. Every answer is checked for errors, so a fast failure can
 * never pass for a fast answer.
 */
export async function measure(
  baseUrl: string,
  requests: readonly BenchRequest[],
  options: LoadOptions,
): Promise<Measurement> {
  let failed = 0;
  const serverBefore = cpuSeconds(options.serverPid);
  const neo4jBefore = cpuSeconds(options.neo4jPid);
  const result = await autocannon({
    url: baseUrl,
    connections: options.connections,
    duration: options.seconds,
    timeout: 30,
    requests: requests.map((request) => ({
      method: 'POST',
      path: request.path,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request.body),
      onResponse: (status: number, body: string) => {
        if (status !== 200 || body.includes('"errors"')) failed += 1;
      },
    })),
  });
  const perRequest = (seconds: number): number => (seconds * 1000) / Math.max(1, result.requests.total);
  return {
    requests: result.requests.total,
    seconds: result.duration,
    throughput: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    mean: result.latency.mean,
    errors: failed + result.errors + result.timeouts,
    cpuMsPerRequest: {
      server: perRequest(cpuSeconds(options.serverPid) - serverBefore),
      neo4j: perRequest(cpuSeconds(options.neo4jPid) - neo4jBefore),
    },
  };
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

/**
 * One measurement from several rounds: throughput and CPU over all of them, latencies the median
 * of the rounds' (a burst of load from elsewhere during one round does not decide them).
 */
export function combine(rounds: readonly Measurement[]): Measurement {
  const requests = rounds.reduce((sum, round) => sum + round.requests, 0);
  const seconds = rounds.reduce((sum, round) => sum + round.seconds, 0);
  const perRequest = (pick: (round: Measurement) => number) =>
    requests === 0 ? 0 : rounds.reduce((sum, round) => sum + pick(round) * round.requests, 0) / requests;
  return {
    requests,
    seconds,
    throughput: seconds === 0 ? 0 : requests / seconds,
    p50: median(rounds.map((round) => round.p50)),
    p99: median(rounds.map((round) => round.p99)),
    mean: perRequest((round) => round.mean),
    errors: rounds.reduce((sum, round) => sum + round.errors, 0),
    cpuMsPerRequest: {
      server: perRequest((round) => round.cpuMsPerRequest.server),
      neo4j: perRequest((round) => round.cpuMsPerRequest.neo4j),
    },
  };
}
