import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Harness } from '../support/harness';
import { runEntry } from '../support/processes';

const ROWS = 2_000;

/**
 * A TCP relay in front of the test Neo4j that can be cut, as if the server had died: open
 * connections are dropped and new ones refused.
 */
async function relay(target: URL): Promise<{ uri: string; cut(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(Number(target.port), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => socket.destroy());
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen));
  const { port } = server.address() as { port: number };
  return {
    uri: `bolt://127.0.0.1:${port}`,
    cut: () =>
      new Promise((resolveCut) => {
        server.close(() => resolveCut());
        for (const socket of sockets) socket.destroy();
      }),
  };
}

/** `ties-graph import` against a Neo4j that goes away mid-run (issue 11, item 5). */
describe('an import whose Neo4j goes away', () => {
  let harness: Harness;
  let dir: string;

  beforeAll(async () => {
    harness = await Harness.open();
    await harness.reset();
    dir = mkdtempSync(join(tmpdir(), 'ties-graph-interrupted-'));
    const rows = Array.from({ length: ROWS }, (_, index) => `R-${index + 1},Deal ${index + 1},2023`);
    writeFileSync(join(dir, 'deals.csv'), `Ref,Title,Signed\n${rows.join('\n')}\n`);
    writeFileSync(
      join(dir, 'deals.mapping.yaml'),
      `format: 1
source: { id: 'source:interrupted-register', name: Interrupted register }
csv: { path: deals.csv }
batch: { facts: 10 }
entities:
  - ref: deal
    type: Document
    fields: { id: 'doc:deal-{Ref}', title: '{Title}', kind: AGREEMENT, signedOn: { column: Signed, date: [YYYY] } }
`,
    );
  });

  afterAll(async () => {
    await harness.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const documents = async () =>
    (await harness.cypher<{ n: number }>(`MATCH (d:Document) RETURN count(d) AS n`))[0]?.n ?? 0;

  it('fails with exit code 3 naming the rows written, and a re-run completes it', async () => {
    const neo4j = new URL(process.env.NEO4J_URI!);
    const cutOff = await relay(neo4j);
    const env = { ...process.env, NEO4J_URI: cutOff.uri, NEO4J_MAX_RETRY_MS: '1000' };
    const first = runEntry('src/cli/index.ts', env, ['import', join(dir, 'deals.mapping.yaml')]);
    // Cut once some reports have landed, long before all of them have.
    while ((await documents()) < 50) await new Promise((resolveWait) => setTimeout(resolveWait, 100));
    await cutOff.cut();

    const exit = await first.exited();
    expect(exit).toEqual({ code: 3, signal: null });
    const match =
      /Neo4j became unreachable during the import: rows 1-(\d+) \(up to line (\d+) of deals\.csv\) were written(?:; rows (\d+)-(\d+) were being written \(a re-run finds out whether they were\))?; row (\d+) onward was not\. Run the same import again/.exec(
        first.output(),
      );
    expect(match).not.toBeNull();
    const [written = 0, line, pendingFrom, pendingTo, next] = match!.slice(1).map((group?: string) => Number(group));
    expect(line).toBe(written + 1);
    expect(written).toBeLessThan(ROWS);
    // Each report is one transaction: what is there is what the message counts as written, plus
    // the one report in flight when the connection dropped if its commit got through.
    const there = await documents();
    if (pendingTo === undefined || Number.isNaN(pendingTo)) {
      expect(next).toBe(written + 1);
      expect(there).toBe(written);
    } else {
      expect([pendingFrom, next]).toEqual([written + 1, pendingTo + 1]);
      expect([written, pendingTo]).toContain(there);
    }
    expect(first.output()).not.toMatch(/at .*\.ts:\d+/);

    const again = runEntry('src/cli/index.ts', { ...process.env }, ['import', join(dir, 'deals.mapping.yaml')]);
    expect(await again.exited()).toEqual({ code: 0, signal: null });
    expect(await documents()).toBe(ROWS);
    const ids = await harness.cypher<{ n: number }>(`MATCH (d:Document) RETURN count(DISTINCT d.id) AS n`);
    expect(ids[0]?.n).toBe(ROWS);
  }, 300_000);
});
