import { ConfigError, loadConfig } from './config';

describe('configuration', () => {
  it('has working defaults for the embedded database', () => {
    const config = loadConfig({});
    expect(config.http.port).toBe(4000);
    expect(config.neo4j.uri).toBeUndefined();
    expect(config.embedded.boltPort).toBe(7687);
    expect(config.seedOnStart).toBe(true);
  });

  it('accepts cluster and Aura URIs unchanged', () => {
    for (const uri of ['neo4j://core1:7687', 'neo4j+s://abcd.databases.neo4j.io', 'bolt+s://db:7687']) {
      expect(loadConfig({ NEO4J_URI: uri, NEO4J_PASSWORD: 'long-enough' }).neo4j.uri).toBe(uri);
    }
  });

  it('reports every problem at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', NEO4J_URI: 'http://db', NEO4J_PASSWORD: 'short', SEED_ON_START: 'maybe' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/PORT/);
    expect(problems).toMatch(/NEO4J_URI/);
    expect(problems).toMatch(/NEO4J_PASSWORD/);
    expect(problems).toMatch(/SEED_ON_START/);
  });

  it('needs a password for a server it does not start itself', () => {
    expect(() => loadConfig({ NEO4J_URI: 'bolt://db:7687' })).toThrow(/NEO4J_PASSWORD/);
  });

  it('reads API keys without ever holding the keys themselves', () => {
    const hash = 'a'.repeat(64);
    expect(loadConfig({ API_KEYS: `alice:editor:${hash}` }).auth.apiKeys).toEqual([
      { name: 'alice', role: 'editor', sha256: hash },
    ]);
    expect(() => loadConfig({ API_KEYS: 'alice:god:xyz' })).toThrow(ConfigError);
  });
});
