import { createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';

import { z } from 'zod';

/** The schema's own ceiling on `first` (see src/graphql/pagination.ts); the config may only lower it. */
const MAX_PAGE_SIZE_CEILING = 100;

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const port = z.coerce.number().int().min(1).max(65535);

const positive = z.coerce.number().int().min(1);

/** A comma-separated list, blanks dropped. */
const list = z.string().transform((value) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0),
);

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
  NEO4J_ACQUISITION_TIMEOUT_MS: z.coerce.number().int().min(100).default(5_000),
  NEO4J_MAX_RETRY_MS: z.coerce.number().int().min(0).default(3_000),
  NEO4J_DATA_DIR: z.string().min(1).default('.data/neo4j'),
  NEO4J_BOLT_PORT: port.default(7687),
  NEO4J_HEAP_MB: z.coerce.number().int().min(128).default(768),
  NEO4J_PAGECACHE_MB: z.coerce.number().int().min(16).default(256),
  NEO4J_RESTART_ATTEMPTS: z.coerce.number().int().min(0).max(100).default(5),
  NEO4J_RESTART_BACKOFF_MS: z.coerce.number().int().min(0).default(1_000),
  SEED_ON_START: booleanFlag.default(true),
  API_KEYS: z
    .string()
    .regex(
      /^[\w.-]+:(reader|editor|admin):[0-9a-f]{64}(,[\w.-]+:(reader|editor|admin):[0-9a-f]{64})*$/,
      'must be a comma-separated list of name:role:sha256-hex-of-key (run "npm run key -- <name> <role>")',
    )
    .optional(),
  REQUIRE_AUTH_FOR_READS: booleanFlag.default(false),
  JWT_HS256_SECRET: z.string().min(32, 'must be at least 32 characters (256 bits) for HS256').optional(),
  JWT_PUBLIC_KEY_FILE: z.string().min(1).optional(),
  JWT_ISSUER: z.string().min(1).optional(),
  JWT_AUDIENCE: z.string().min(1).optional(),
  JWT_ROLES_CLAIM: z.string().min(1).default('roles'),
  CORS_ORIGINS: list
    .pipe(
      z.array(
        z
          .string()
          .regex(/^(\*|https?:\/\/[^/\s]+)$/, 'each entry must be an origin such as https://app.example.org, or *'),
      ),
    )
    .default([]),
  INTROSPECTION: booleanFlag.optional(),
  MAX_BODY_BYTES: positive.default(1_048_576),
  REQUEST_BODY_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
  MAX_BATCH_OPERATIONS: positive.default(10),
  MAX_QUERY_TOKENS: positive.default(5_000),
  MAX_QUERY_DEPTH: positive.default(12),
  MAX_QUERY_COST: positive.default(10_000),
  MAX_ALIASES: z.coerce.number().int().min(0).default(30),
  MAX_ROOT_FIELDS: positive.default(10),
  MAX_PAGE_SIZE: positive
    .max(MAX_PAGE_SIZE_CEILING, `must be at most ${MAX_PAGE_SIZE_CEILING}`)
    .default(MAX_PAGE_SIZE_CEILING),
  MAX_QUEUED_CHANGES: positive.default(100),
  CHANGE_FEED_POLL_MS: z.coerce.number().int().min(0).default(1_000),
  ANALYSIS_MAX_NODES: positive.default(50_000),
  ANALYSIS_MAX_EDGES: positive.default(100_000),
  ANALYSIS_BETWEENNESS_WORK: positive.default(10_000_000),
  ANALYSIS_TIME_BUDGET_MS: z.coerce.number().int().min(100).default(10_000),
});

export type Environment = z.infer<typeof environmentSchema>;

/** Names of every variable the app reads, for documentation checks. */
export const ENVIRONMENT_VARIABLES = Object.keys(environmentSchema.shape) as (keyof Environment)[];

/** The key RS256 tokens are checked with: one PEM public key, or a JSON Web Key Set. */
export type JwtPublicKey =
  | { readonly kind: 'pem'; readonly pem: string }
  | { readonly kind: 'jwks'; readonly jwks: { keys: Record<string, unknown>[] } };

export interface JwtConfig {
  readonly hs256Secret: string | undefined;
  readonly publicKey: JwtPublicKey | undefined;
  readonly issuer: string;
  readonly audience: string;
  /** The claim holding the caller's role or roles (a string or a list of strings). */
  readonly rolesClaim: string;
}

/** Bounds on one request; a request over any of them is refused before it runs. */
export interface Limits {
  readonly maxTokens: number;
  readonly maxDepth: number;
  readonly maxCost: number;
  readonly maxAliases: number;
  readonly maxRootFields: number;
  readonly maxPageSize: number;
}

/**
 * Bounds on one network measure (`centrality`, `communities`): the subgraph it is computed on is
 * read only up to these sizes, and a request over any of them is refused with QUERY_TOO_COMPLEX.
 */
export interface AnalysisLimits {
  readonly maxNodes: number;
  readonly maxEdges: number;
  /**
   * Betweenness walks every edge once from every node (Brandes), so its work is nodes × edges;
   * the other measures are linear in the edges.
   */
  readonly maxBetweennessWork: number;
  /** How long reading the subgraph and computing on it may take, in all. */
  readonly timeBudgetMs: number;
}

export interface Config {
  readonly env: Environment['NODE_ENV'];
  readonly http: {
    readonly host: string;
    readonly port: number;
    /** Origins browsers may call the API from; `*` allows any. Empty: same-origin only. */
    readonly corsOrigins: readonly string[];
    readonly introspection: boolean;
    readonly maxBodyBytes: number;
    /** Changes that may wait for one `changed` subscriber before its subscription is ended. */
    readonly maxQueuedChanges: number;
    /**
     * How often the change log is read for changes written through other API instances, while
     * this one has subscribers (0: never; one instance alone needs no reading).
     */
    readonly changeFeedPollMs: number;
    /** How long a client may take to send a whole request, headers and body (408 after). */
    readonly requestTimeoutMs: number;
    /** Operations per batched request; 1 turns batching off. */
    readonly maxBatchOperations: number;
  };
  readonly limits: Limits;
  readonly analysis: AnalysisLimits;
  readonly neo4j: {
    /** Absent when the app starts its own embedded Neo4j. */
    readonly uri: string | undefined;
    readonly user: string;
    readonly password: string | undefined;
    readonly database: string;
    readonly connectTimeoutMs: number;
    readonly txTimeoutMs: number;
    /** How long a request waits for a pooled connection before failing. */
    readonly acquisitionTimeoutMs: number;
    /** How long the driver retries a transaction after transient errors (0: no retries). */
    readonly maxRetryMs: number;
  };
  readonly embedded: {
    readonly dataDir: string;
    readonly boltPort: number;
    readonly heapMb: number;
    readonly pageCacheMb: number;
    /** Restarts of a crashed embedded Neo4j tried in a row before the API exits (code 3). */
    readonly restartAttempts: number;
    /** Wait before the first restart; doubled for each further one. */
    readonly restartBackoffMs: number;
  };
  readonly seedOnStart: boolean;
  readonly auth: {
    /** API keys by the SHA-256 of the key; the keys themselves are never stored. */
    readonly apiKeys: readonly { name: string; role: string; sha256: string }[];
    /** When set, queries need a reader credential too; mutations always need an editor one. */
    readonly requireAuthForReads: boolean;
    /** Absent when no JWT key is configured: only API keys are accepted then. */
    readonly jwt: JwtConfig | undefined;
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
  const problems: string[] = [];
  if (env.NEO4J_URI !== undefined && env.NEO4J_PASSWORD === undefined) {
    problems.push('NEO4J_PASSWORD: required when NEO4J_URI names a server');
  }
  const jwt = jwtConfig(env, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    env: env.NODE_ENV,
    http: {
      host: env.HOST,
      port: env.PORT,
      corsOrigins: env.CORS_ORIGINS,
      introspection: env.INTROSPECTION ?? env.NODE_ENV !== 'production',
      maxBodyBytes: env.MAX_BODY_BYTES,
      maxQueuedChanges: env.MAX_QUEUED_CHANGES,
      changeFeedPollMs: env.CHANGE_FEED_POLL_MS,
      requestTimeoutMs: env.REQUEST_BODY_TIMEOUT_MS,
      maxBatchOperations: env.MAX_BATCH_OPERATIONS,
    },
    limits: {
      maxTokens: env.MAX_QUERY_TOKENS,
      maxDepth: env.MAX_QUERY_DEPTH,
      maxCost: env.MAX_QUERY_COST,
      maxAliases: env.MAX_ALIASES,
      maxRootFields: env.MAX_ROOT_FIELDS,
      maxPageSize: env.MAX_PAGE_SIZE,
    },
    analysis: {
      maxNodes: env.ANALYSIS_MAX_NODES,
      maxEdges: env.ANALYSIS_MAX_EDGES,
      maxBetweennessWork: env.ANALYSIS_BETWEENNESS_WORK,
      timeBudgetMs: env.ANALYSIS_TIME_BUDGET_MS,
    },
    neo4j: {
      uri: env.NEO4J_URI,
      user: env.NEO4J_USER,
      password: env.NEO4J_PASSWORD,
      database: env.NEO4J_DATABASE,
      connectTimeoutMs: env.NEO4J_CONNECT_TIMEOUT_MS,
      txTimeoutMs: env.NEO4J_TX_TIMEOUT_MS,
      acquisitionTimeoutMs: env.NEO4J_ACQUISITION_TIMEOUT_MS,
      maxRetryMs: env.NEO4J_MAX_RETRY_MS,
    },
    embedded: {
      dataDir: env.NEO4J_DATA_DIR,
      boltPort: env.NEO4J_BOLT_PORT,
      heapMb: env.NEO4J_HEAP_MB,
      pageCacheMb: env.NEO4J_PAGECACHE_MB,
      restartAttempts: env.NEO4J_RESTART_ATTEMPTS,
      restartBackoffMs: env.NEO4J_RESTART_BACKOFF_MS,
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
      requireAuthForReads: env.REQUIRE_AUTH_FOR_READS,
      jwt,
    },
  };
}

/** Reads the RS256 key file: a PEM public key, or a JWKS document (`{"keys": [...]}`). */
function readPublicKey(path: string, problems: string[]): JwtPublicKey | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    problems.push(`JWT_PUBLIC_KEY_FILE: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    return undefined;
  }
  if (text.trimStart().startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(text);
      const keys = (parsed as { keys?: unknown }).keys;
      if (Array.isArray(keys) && keys.length > 0 && keys.every((key) => typeof key === 'object' && key !== null)) {
        return { kind: 'jwks', jwks: { keys: keys as Record<string, unknown>[] } };
      }
    } catch {
      // Reported below together with the other malformed cases.
    }
    problems.push(`JWT_PUBLIC_KEY_FILE: ${path} is JSON but not a JWKS ({"keys": [...]} with at least one key)`);
    return undefined;
  }
  try {
    const key = createPublicKey(text);
    if (key.asymmetricKeyType !== 'rsa') {
      problems.push(`JWT_PUBLIC_KEY_FILE: ${path} holds a ${key.asymmetricKeyType ?? 'non-RSA'} key; RS256 needs RSA`);
      return undefined;
    }
  } catch {
    problems.push(`JWT_PUBLIC_KEY_FILE: ${path} is neither a PEM public key nor a JWKS document`);
    return undefined;
  }
  return { kind: 'pem', pem: text };
}

/** JWTs are accepted only with a key and both issuer and audience: a token for another API must not pass. */
function jwtConfig(env: Environment, problems: string[]): JwtConfig | undefined {
  const publicKey =
    env.JWT_PUBLIC_KEY_FILE === undefined ? undefined : readPublicKey(env.JWT_PUBLIC_KEY_FILE, problems);
  const configured = env.JWT_HS256_SECRET !== undefined || env.JWT_PUBLIC_KEY_FILE !== undefined;
  if (!configured) {
    if (env.JWT_ISSUER !== undefined || env.JWT_AUDIENCE !== undefined) {
      problems.push('JWT_ISSUER/JWT_AUDIENCE: set JWT_HS256_SECRET or JWT_PUBLIC_KEY_FILE too, or unset them');
    }
    return undefined;
  }
  if (env.JWT_ISSUER === undefined) problems.push('JWT_ISSUER: required when JWTs are accepted');
  if (env.JWT_AUDIENCE === undefined) problems.push('JWT_AUDIENCE: required when JWTs are accepted');
  return {
    hs256Secret: env.JWT_HS256_SECRET,
    publicKey,
    issuer: env.JWT_ISSUER ?? '',
    audience: env.JWT_AUDIENCE ?? '',
    rolesClaim: env.JWT_ROLES_CLAIM,
  };
}
