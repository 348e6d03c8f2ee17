import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { parse } from 'yaml';

import { ENVIRONMENT_VARIABLES, loadConfig } from '../../src/config';

const ROOT = join(__dirname, '..', '..');

interface ComposeService {
  image?: string;
  build?: unknown;
  environment?: Record<string, string | number>;
  ports?: string[];
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
  volumes?: string[];
  profiles?: string[];
}

/** Docker cannot run here, so the compose file is checked against the app's own configuration. */
describe('docker-compose.yml', () => {
  // Compose reads YAML merge keys (`<<: *api`), which the yaml package applies only when asked.
  const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
    services: Record<string, ComposeService>;
    volumes: Record<string, unknown>;
  };
  const neo4j = compose.services.neo4j!;
  const api = compose.services.api!;

  it('runs Neo4j Community 5.26 with auth from the environment, a healthcheck and a named volume', () => {
    expect(neo4j.image).toBe('neo4j:5.26-community');
    expect(String(neo4j.environment?.NEO4J_AUTH)).toMatch(/^neo4j\/\$\{NEO4J_PASSWORD/);
    expect(neo4j.healthcheck?.test.length).toBeGreaterThan(0);
    const [volume] = neo4j.volumes ?? [];
    expect(volume?.split(':')[1]).toBe('/data');
    expect(Object.keys(compose.volumes)).toContain(volume?.split(':')[0]);
  });

  it('starts the API after Neo4j is healthy, on port 4000', () => {
    expect(api.build).toBeDefined();
    expect(api.depends_on?.neo4j?.condition).toBe('service_healthy');
    expect(api.ports).toContain('4000:4000');
  });

  it('gives the API only variables the app reads, and a configuration the app accepts', () => {
    const environment = Object.fromEntries(
      Object.entries(api.environment ?? {}).map(([key, value]) => [
        key,
        String(value).replace(/\$\{[^}]+\}/, 'a-password'),
      ]),
    );
    for (const name of Object.keys(environment)) expect(ENVIRONMENT_VARIABLES).toContain(name);
    const config = loadConfig({ ...environment, API_KEYS: '' });
    expect(config.http.port).toBe(4000);
    // The routing driver, as a cluster or Aura would need; a single server routes to itself.
    expect(config.neo4j.uri).toBe('neo4j://neo4j:7687');
    // The URI names the compose service and its Bolt port.
    expect(compose.services[new URL(config.neo4j.uri!).hostname]).toBe(neo4j);
    expect(neo4j.ports).toContain(`${new URL(config.neo4j.uri!).port}:7687`);
  });

  it('has an opt-in profile with a second API instance behind nginx (docs/deployment.md)', () => {
    const second = compose.services['api-2']!;
    const proxy = compose.services.proxy!;
    expect([api.profiles, second.profiles, proxy.profiles]).toEqual([undefined, ['scale'], ['scale']]);
    expect({ ...second.environment, SEED_ON_START: undefined }).toEqual({
      ...api.environment,
      SEED_ON_START: undefined,
    });
    expect(second.ports).toEqual([]);
    expect(proxy.image).toMatch(/^nginx:/);
    expect(proxy.ports).toEqual(['4100:80']);
    const [mount] = proxy.volumes ?? [];
    const nginx = readFileSync(join(ROOT, mount!.split(':')[0]!), 'utf8');
    expect([...nginx.matchAll(/^\s*server (\S+);/gm)].map((match) => match[1])).toEqual(['api:4000', 'api-2:4000']);
    expect(nginx).toMatch(/proxy_set_header Upgrade \$http_upgrade/);
  });

  it('builds an image that runs as a non-root user, in two stages', () => {
    const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
    expect(dockerfile.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(2);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^EXPOSE 4000$/m);
  });
});

describe('.env.example', () => {
  it('documents every variable the app reads', () => {
    const example = readFileSync(join(ROOT, '.env.example'), 'utf8');
    const documented = [...example.matchAll(/^([A-Z0-9_]+)=/gm)].map((match) => match[1]);
    expect(documented.sort()).toEqual([...ENVIRONMENT_VARIABLES].sort());
  });
});
