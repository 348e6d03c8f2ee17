import { createServer } from 'node:net';

/**
 * A free loopback port, so that test runs, benchmarks and load runs never collide with each
 * other or with a developer's `npm start` (4000, 7687).
 */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, rejectPort) => {
    const server = createServer();
    server.once('error', rejectPort);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolvePort(address.port) : rejectPort(new Error('no free port')),
      );
    });
  });
}
