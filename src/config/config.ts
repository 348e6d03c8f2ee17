import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const port = z.coerce.number().int().min(1).max(65535);

/**
 * Every environment variable the app reads, in one place. `.env.example` documents the same
 * list; a test keeps the two in step.
 */
const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port.default(4000),
  NEO4J_URI: z
    .string()
    .regex(
      /^(neo4j|neo4j\+s|neo4j\+ssc|bolt|bolt\+s|bolt\+ssc):\/\/[^\s]+$/,
      'must be a neo4j:// or bolt:// URI (optionally +s or +ssc), e.g. bolt://localhost:7687',
    )
    .optional(),
  NEO4J_USER: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().min(8, 'must be at least 8 characters (Neo4j 5 refuses shorter ones)').optional(),
  NEO4J_DATABASE: z.string().min(1).default('neo4j'),
  NEO4J_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(1000).default(120_000),
  NEO4J_TX_TIMEOUT_MS: z.coerce.number().int().min(100).default(15_000),
  NEO4J_DATA_DIR: z.string().min(1).default('.data/neo4j'),
  NEO4J_BOLT_PORT: port.default(7687),
  NEO4J_HEAP_MB: z.coerce.number().int().min(128).default(768),
  NEO4J_PAGECACHE_MB: z.coerce.number().int().min(16).default(256),
  SEED_ON_START: booleanFlag.default(true),
  API_KEYS: z
    .string()
    .regex(
      /^[\w.-]+:(reader|editor|admin):[0-9a-f]{64}(,[\w.-]+:(reader|editor|admin):[0-9a-f]{64})*$/,
      'must be a comma-separated list of name:role:sha256-hex-of-key (run "npm run key -- <name> <role>")',
    )
    .optional(),
});

export type Environment = z.infer<typeof environmentSchema>;

/** Names of every variable the app reads, for documentation checks. */
export const ENVIRONMENT_VARIABLES = Object.keys(environmentSchema.shape) as (keyof Environment)[];

export interface Config {
  readonly env: Environment['NODE_ENV'];
  readonly http: { readonly host: string; readonly port: number };
  readonly neo4j: {
    /** Absent when the app starts its own embedded Neo4j. */
    readonly uri: string | undefined;
    readonly user: string;
    readonly password: string | undefined;
    readonly database: string;
    readonly connectTimeoutMs: number;
    readonly txTimeoutMs: number;
  };
  readonly embedded: {
    readonly dataDir: string;
    readonly boltPort: number;
    readonly heapMb: number;
    readonly pageCacheMb: number;
  };
  readonly seedOnStart: boolean;
  readonly auth: {
    /** API keys by the SHA-256 of the key; the keys themselves are never stored. */
    readonly apiKeys: readonly { name: string; role: string; sha256: string }[];
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the environment once, reporting every problem together. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = environmentSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || '(environment)'}: ${issue.message}`),
    );
  }
  const env = parsed.data;
  if (env.NEO4J_URI !== undefined && env.NEO4J_PASSWORD === undefined) {
    throw new ConfigError(['NEO4J_PASSWORD: required when NEO4J_URI names a server']);
  }
  return {
    env: env.NODE_ENV,
    http: { host: env.HOST, port: env.PORT },
    neo4j: {
      uri: env.NEO4J_URI,
      user: env.NEO4J_USER,
      password: env.NEO4J_PASSWORD,
      database: env.NEO4J_DATABASE,
      connectTimeoutMs: env.NEO4J_CONNECT_TIMEOUT_MS,
      txTimeoutMs: env.NEO4J_TX_TIMEOUT_MS,
    },
    embedded: {
      dataDir: env.NEO4J_DATA_DIR,
      boltPort: env.NEO4J_BOLT_PORT,
      heapMb: env.NEO4J_HEAP_MB,
      pageCacheMb: env.NEO4J_PAGECACHE_MB,
    },
    seedOnStart: env.SEED_ON_START,
    auth: {
      apiKeys: (env.API_KEYS ?? '')
        .split(',')
        .filter((entry) => entry.length > 0)
        .map((entry) => {
          const [name = '', role = '', sha256 = ''] = entry.split(':');
          return { name, role, sha256 };
        }),
    },
  };
}
