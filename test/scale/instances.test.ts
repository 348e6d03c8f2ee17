import type { AddressInfo } from 'node:net';

import { createClient } from 'graphql-ws';
import type { Driver, SessionConfig } from 'neo4j-driver';
import WebSocket from 'ws';

import { createApp, listen } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createDriver } from '../../src/db/driver';
import { createLogger } from '../../src/logger';
import { authenticateRequest } from '../../src/modules/auth/auth.http';
import { generateKey, hashKey } from '../../src/modules/auth/auth.keys';
import { freePort } from '../support/free-port';
import { Harness } from '../support/harness';
import { cleanEnv, runEntry, type Started } from '../support/processes';

interface Answer {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

async function post(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  key?: string,
): Promise<Answer> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as Answer;
}

/** The same driver, noting the access mode of every session it opens. */
function recordingModes(driver: Driver, modes: string[]): Driver {
  return new Proxy(driver, {
    get(target, property, receiver) {
      if (property === 'session') {
        return (config: SessionConfig) => {
          modes.push(config.defaultAccessMode ?? 'WRITE');
          return target.session(config);
        };
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

const READS = [
  '{ region(id: "region:kz") { name aliases documents { id title } } }',
  '{ documents(first: 20, orderBy: NAME_ASC) { totalCount nodes { id title sectors { id } } } }',
  '{ documentStats(groupBy: SECTOR) { total { documentCount entryCount } rows { documentCount entities { id } } } }',
  '{ path(from: "region:kz", to: "sector:energy") { length } }',
  '{ search(text: "kazakh") { score entity { id name } } }',
];

/**
 * Issue 19: the routing driver (`neo4j://`) against a single Community server, and two API
 * processes against one graph. What holds within one process must hold across them: one entity
 * per name under concurrent writers, no lost writes, and a change feed that reaches the
 * subscribers of either instance.
 */
describe('scaling out', () => {
  let harness: Harness;
  const boltUri = () => process.env.NEO4J_URI!;
  const routingUri = () => boltUri().replace(/^bolt:/, 'neo4j:');

  beforeAll(async () => {
    harness = await Harness.openSeeded();
  });

  afterAll(async () => {
    await harness.close();
  });

  it('answers the same through the routing driver, reads in read sessions and writes in write sessions', async () => {
    const config = loadConfig({ ...process.env, NEO4J_URI: routingUri() });
    const driver = createDriver({
      uri: routingUri(),
      user: config.neo4j.user,
      password: config.neo4j.password!,
      connectTimeoutMs: 10_000,
    });
    const modes: string[] = [];
    const key = generateKey();
    const editorConfig = loadConfig({
      ...process.env,
      NEO4J_URI: routingUri(),
      API_KEYS: `routing:editor:${hashKey(key)}`,
    });
    const routed = await createApp({
      config: editorConfig,
      driver: recordingModes(driver, modes),
      logger: createLogger(true),
      schema: harness.schema,
      authenticate: authenticateRequest(editorConfig),
    });
    await listen(routed.httpServer, '127.0.0.1', 0);
    const direct = await harness.serve();
    const routedUrl = `http://127.0.0.1:${(routed.httpServer.address() as AddressInfo).port}`;
    try {
      // The routing table comes from the server: a single Community server routes to itself.
      const info = await driver.getServerInfo();
      expect(info.address).toBeDefined();
      for (const query of READS) {
        const [viaRouting, viaBolt] = await Promise.all([post(routedUrl, query), post(direct.url, query)]);
        expect(viaRouting.errors).toBeUndefined();
        expect(viaRouting).toEqual(viaBolt);
      }
      expect(modes.length).toBeGreaterThan(0);
      expect(new Set(modes)).toEqual(new Set(['READ']));

      modes.length = 0;
      const created = await post(
        routedUrl,
        'mutation { createSector(input: { name: "Routed logistics" }) { id } }',
        {},
        key,
      );
      expect(created).toEqual({ data: { createSector: { id: 'sector:routed-logistics' } } });
      expect(modes).toContain('WRITE');
      expect((await post(direct.url, '{ sector(id: "sector:routed-logistics") { name } }')).data).toEqual({
        sector: { name: 'Routed logistics' },
      });
    } finally {
      await routed.stop();
      await direct.close();
      await driver.close();
    }
  });

  describe('two API processes against one Neo4j', () => {
    const key = generateKey();
    const instances: { process: Started; url: string }[] = [];

    beforeAll(async () => {
      await harness.reset();
      const ports = [await freePort(), await freePort()];
      const started = ports.map((port) => {
        const server = runEntry('src/main.ts', {
          ...cleanEnv(),
          HOST: '127.0.0.1',
          PORT: String(port),
          NEO4J_URI: routingUri(),
          NEO4J_PASSWORD: process.env.NEO4J_PASSWORD,
          SEED_ON_START: 'false',
          API_KEYS: `scale:editor:${hashKey(key)}`,
          CHANGE_FEED_POLL_MS: '200',
          // Dozens of writers at once on two shared cores: what is checked is that none is lost,
          // not how long the busiest waits.
          NEO4J_TX_TIMEOUT_MS: '120000',
        });
        return server;
      });
      for (const server of started) {
        const [, url] = await server.waitFor(/ties-graph is ready: (http:\/\/\S+)\/graphql/, 120_000);
        instances.push({ process: server, url: url! });
      }
    }, 240_000);

    afterAll(async () => {
      for (const { process: server } of instances) server.child.kill('SIGTERM');
      await Promise.all(instances.map(({ process: server }) => server.exited()));
    });

    const at = (index: number) => instances[index % instances.length]!.url;

    it('keeps one entity per name when writers on both instances create it at once', async () => {
      for (let round = 0; round < 3; round += 1) {
        const results = await Promise.all(
          Array.from({ length: 24 }, (_, writer) =>
            post(
              at(writer),
              'mutation ($name: String!) { createSector(input: { name: $name }) { id } }',
              { name: `Shared sector ${round}` },
              key,
            ),
          ),
        );
        const created = results.filter((result) => result.errors === undefined);
        expect(created).toHaveLength(1);
        for (const result of results.filter((each) => each.errors !== undefined)) {
          expect(result.errors?.map((error) => error.extensions?.code)).toEqual(['CONFLICT']);
        }
        const stored = await harness.cypher<{ n: number }>('MATCH (s:Sector {nameKey: $key}) RETURN count(s) AS n', {
          key: `shared sector ${round}`,
        });
        expect(stored[0]?.n).toBe(1);
      }
    });

    it('resolves a name and its alias to one entity when the reports arrive at both instances at once', async () => {
      const ingest = (index: number, entity: Record<string, unknown>) =>
        post(
          at(index),
          'mutation ($report: ReportInput!) { ingestReport(report: $report) { entities { id } } }',
          { report: { source: { name: `Scale source ${index}` }, entities: [{ ref: 'o', organization: entity }] } },
          key,
        );
      const pairs = 10;
      const results = await Promise.all(
        Array.from({ length: pairs }, (_, pair) => [
          ingest(0, { name: `Alpha Org ${pair}`, aliases: [`Beta Org ${pair}`], kind: 'COMPANY' }),
          ingest(1, { name: `Beta Org ${pair}`, kind: 'COMPANY' }),
        ]).flat(),
      );
      for (const result of results) expect(result.errors).toBeUndefined();
      for (let pair = 0; pair < pairs; pair += 1) {
        const ids = [results[2 * pair], results[2 * pair + 1]].map(
          (result) => (result?.data as { ingestReport: { entities: { id: string }[] } }).ingestReport.entities[0]?.id,
        );
        expect(ids[0]).toBe(ids[1]);
      }
      const organizations = await harness.cypher<{ n: number }>('MATCH (o:Organization) RETURN count(o) AS n');
      expect(organizations[0]?.n).toBe(pairs);
    });

    it('loses no write spread over both instances, and each instance feeds the changes of the other', async () => {
      const client = createClient({
        url: `${at(0).replace(/^http/, 'ws')}/graphql`,
        webSocketImpl: WebSocket,
        retryAttempts: 0,
      });
      const received: string[] = [];
      const subscribed = new Promise<void>((resolveSubscribed) => {
        client.on('connected', () => resolveSubscribed());
      });
      client.subscribe<{ changed: { operation: string; entities: { id: string }[] } }>(
        { query: 'subscription { changed { operation entities { id } } }' },
        {
          next: (value) => received.push(...(value.data?.changed.entities.map((entity) => entity.id) ?? [])),
          error: () => undefined,
          complete: () => undefined,
        },
      );
      await subscribed;
      // The subscription is registered once the server has answered the connection; give it the
      // first tail read so "since subscribing" has begun.
      await new Promise((resolveWait) => setTimeout(resolveWait, 500));
      try {
        const names = Array.from({ length: 30 }, (_, index) => `Spread sector ${index}`);
        const results = await Promise.all(
          names.map((name, index) =>
            post(at(index), 'mutation ($name: String!) { createSector(input: { name: $name }) { id } }', { name }, key),
          ),
        );
        for (const result of results) expect(result.errors).toBeUndefined();
        const stored = await harness.cypher<{ n: number }>(
          "MATCH (s:Sector) WHERE s.name STARTS WITH 'Spread sector' RETURN count(s) AS n",
        );
        expect(stored[0]?.n).toBe(names.length);

        const expected = names.map((_, index) => `sector:spread-sector-${index}`).sort();
        for (
          let waited = 0;
          waited < 15_000 && received.filter((id) => id.startsWith('sector:spread')).length < expected.length;
          waited += 100
        ) {
          await new Promise((resolveWait) => setTimeout(resolveWait, 100));
        }
        // Every change once: those written through instance 0 and, by the log, those through instance 1.
        expect(received.filter((id) => id.startsWith('sector:spread')).sort()).toEqual(expected);
      } finally {
        await client.dispose();
      }
    });
  });
});
