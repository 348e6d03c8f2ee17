import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { z } from 'zod';

import { type App, createApp, listen } from '../../src/app';
import { loadConfig } from '../../src/config';
import { type EmbeddedNeo4j, startEmbeddedNeo4j } from '../../src/db/embedded';
import { Executor, type WriteScope } from '../../src/db/executor';
import { defineQuery, type Params, type Query } from '../../src/db/query';
import { createSchema } from '../../src/schema/schema';
import { createLogger } from '../../src/logger';
import { authenticateRequest } from '../../src/modules/auth/auth.http';
import { generateKey, hashKey } from '../../src/modules/auth/auth.keys';
import { WriteService } from '../../src/modules/write/write.service';
import { WriteStore } from '../../src/modules/write/write.store';
import { type Database, openDatabase } from '../../src/runtime';
import { ingestReportJson, SEED_DIR } from '../../src/seed';
import { freePort } from '../support/free-port';
import { EDITOR, Harness } from '../support/harness';
import { bearer, postGraphQL } from '../support/http';

/** A statement that fails inside Neo4j (division by zero), so the server itself aborts the transaction. */
const FAIL_BY_DESIGN = defineQuery('injectedFailure', 'UNWIND [0] AS zero RETURN 1 / zero AS never', z.object({}));

/**
 * An executor whose write transactions run `failAfter` statements, then a statement that fails
 * by design, inside the same transaction. Test-only: the service under test gets it injected.
 */
class FailingExecutor extends Executor {
  statements = 0;

  constructor(
    harness: Harness,
    private readonly failAfter: number,
  ) {
    super(harness.driver, { database: harness.config.neo4j.database, txTimeoutMs: 15_000 });
  }

  override writeTransaction<T>(name: string, work: (scope: WriteScope) => Promise<T>): Promise<T> {
    return super.writeTransaction(name, (scope) =>
      work({
        run: async <Row>(query: Query<Row>, params?: Params) => {
          this.statements += 1;
          if (this.statements > this.failAfter) await scope.run(FAIL_BY_DESIGN);
          return scope.run(query, params);
        },
      }),
    );
  }
}

/** Starting a JVM with Neo4j takes a while on a busy machine; this bounds it, it measures nothing. */
const NEO4J_START_MS = 300_000;

describe('faults', () => {
  describe('an ingest interrupted by a failure', () => {
    let harness: Harness;

    beforeAll(async () => {
      harness = await Harness.open();
      await harness.reset();
      // Some of what the report names is already there, so a partial ingest would change it.
      await harness.run('mutation { createRegion(input: { name: "Kazakhstan", iso2: "KZ" }) { id } }');
    });

    afterAll(async () => {
      await harness.close();
    });

    it('leaves nothing of the report behind, wherever the failure strikes', async () => {
      const report: unknown = JSON.parse(readFileSync(join(SEED_DIR, '001_kz-xuar-dialogue-2023.json'), 'utf8'));
      const before = await harness.fingerprint();
      let failures = 0;
      for (let failAfter = 0; failAfter < 50; failAfter += 1) {
        const executor = new FailingExecutor(harness, failAfter);
        const base = harness.context(EDITOR);
        const context = {
          ...base,
          services: { ...base.services, write: new WriteService(new WriteStore(executor, EDITOR.id)) },
        };
        const outcome = await ingestReportJson(harness.schema, context, report, 'report').then(
          () => 'ingested' as const,
          (error: unknown) => error,
        );
        if (outcome === 'ingested') break;
        failures += 1;
        expect(String(outcome)).toMatch(/Internal server error/);
        expect(await harness.fingerprint()).toEqual(before);
      }
      // It failed after each statement it runs, then, allowed them all, went through.
      expect(failures).toBeGreaterThanOrEqual(4);
      const after = await harness.fingerprint();
      expect(after.nodes).toBeGreaterThan(before.nodes);
    });
  });

  describe('Neo4j going away and coming back', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ties-graph-faults-'));
    const password = 'faults-test-password';
    const key = generateKey();
    let boltPort: number;
    let neo4j: EmbeddedNeo4j | undefined;
    let database: Database;
    let app: App;
    let url: string;

    const start = async () =>
      startEmbeddedNeo4j({ dataDir, boltPort, password, heapMb: 384, pageCacheMb: 32, startTimeoutMs: NEO4J_START_MS });

    beforeAll(async () => {
      boltPort = await freePort();
      neo4j = await start();
      const config = loadConfig({
        ...process.env,
        NEO4J_URI: neo4j.uri,
        NEO4J_PASSWORD: password,
        API_KEYS: `faults:editor:${hashKey(key)}`,
      });
      database = await openDatabase(config, createLogger(true));
      app = await createApp({
        config,
        driver: database.driver,
        logger: createLogger(true),
        schema: await createSchema(),
        authenticate: authenticateRequest(config),
      });
      await listen(app.httpServer, '127.0.0.1', 0);
      url = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`;
    }, NEO4J_START_MS);

    afterAll(async () => {
      await app?.stop();
      await database?.close();
      await neo4j?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    });

    const read = () => postGraphQL(url, { query: '{ sector(id: "sector:energy") { name } }' });
    const health = async (probe: 'live' | 'ready') => (await fetch(`${url}/health/${probe}`)).status;

    it(
      'fails fast with SERVICE_UNAVAILABLE while Neo4j is down, and recovers without a restart',
      async () => {
        const created = await postGraphQL(
          url,
          { query: 'mutation { createSector(input: { name: "Energy" }) { id } }' },
          bearer(key),
        );
        expect(created.body).toEqual({ data: { createSector: { id: 'sector:energy' } } });
        expect(await health('ready')).toBe(200);

        await neo4j?.stop();
        neo4j = undefined;

        // The first request finds Neo4j gone (after the driver's short retry window) …
        const first = await read();
        expect(first.body?.errors?.map((error) => error.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);
        expect(first.body?.errors?.[0]?.message).not.toMatch(/bolt|127\.0\.0\.1|Neo4jError|ECONNREFUSED/);
        // … and from then on requests are refused at once, without touching the driver.
        expect(app.availability.isUp).toBe(false);
        for (const request of [
          read(),
          postGraphQL(url, { query: 'mutation { createSector(input: { name: "Mining" }) { id } }' }, bearer(key)),
          postGraphQL(url, { query: '{ sectors { nodes { id } } }' }),
        ]) {
          const { body } = await request;
          expect(body?.errors?.map((error) => error.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);
        }
        expect(await health('ready')).toBe(503);
        expect(await health('live')).toBe(200);

        neo4j = await start();
        // The background probe notices; no timing is asserted, only that it happens.
        while ((await health('ready')) !== 200) await new Promise((resolveWait) => setTimeout(resolveWait, 250));
        expect(app.availability.isUp).toBe(true);
        expect((await read()).body).toEqual({ data: { sector: { name: 'Energy' } } });
      },
      2 * NEO4J_START_MS,
    );
  });
});
