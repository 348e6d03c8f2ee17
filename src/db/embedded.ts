import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

import { StartupError } from '../errors';

const PROJECT_ROOT = resolve(__dirname, '..', '..');
const LAUNCHER_DIR = join(PROJECT_ROOT, 'neo4j-launcher');
const LAUNCHER_JAR = join(LAUNCHER_DIR, 'target', 'neo4j-launcher.jar');
const CDS_ARCHIVE = join(LAUNCHER_DIR, 'target', 'neo4j-launcher.jsa');
const MINIMUM_JAVA = 17;

export interface EmbeddedNeo4jOptions {
  readonly dataDir: string;
  readonly boltPort: number;
  readonly password: string;
  readonly heapMb: number;
  readonly pageCacheMb: number;
  readonly startTimeoutMs: number;
  /** Where progress lines go; start-up takes seconds, so the user is told what is happening. */
  readonly log?: (line: string) => void;
}

/** How a process ended: its exit code, or the signal that killed it. */
export interface ProcessExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export interface EmbeddedNeo4j {
  readonly uri: string;
  readonly pid: number;
  /** Called once if the JVM ends without `stop()` having been asked for (a crash, kill -9, OOM). */
  onUnexpectedExit(listener: (exit: ProcessExit) => void): void;
  stop(): Promise<void>;
}

export function describeExit(exit: ProcessExit): string {
  return exit.signal ? `killed by ${exit.signal}` : `exit code ${exit.code ?? 'unknown'}`;
}

/** Parses the major version out of `java -version` output ("17.0.15", "1.8.0_392", "21"). */
export function parseJavaMajorVersion(versionOutput: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!match?.[1]) return undefined;
  const first = Number(match[1]);
  return first === 1 && match[2] ? Number(match[2]) : first;
}

function assertJava(): void {
  const probe = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (probe.error) {
    throw new StartupError(
      `Java was not found on PATH. The embedded Neo4j needs a JDK ${MINIMUM_JAVA}+ ` +
        `(e.g. "apt-get install openjdk-17-jdk-headless"), or set NEO4J_URI to use a Neo4j server you run yourself.`,
    );
  }
  // `java -version` prints to stderr.
  const major = parseJavaMajorVersion(`${probe.stderr}${probe.stdout}`);
  if (major === undefined || major < MINIMUM_JAVA) {
    throw new StartupError(
      `The embedded Neo4j needs Java ${MINIMUM_JAVA} or newer, but "java -version" reports ` +
        `${major ?? 'an unknown version'}. Install a JDK ${MINIMUM_JAVA}+ or set NEO4J_URI to use a Neo4j server.`,
    );
  }
}

function newestSourceTime(): number {
  const sources = [join(LAUNCHER_DIR, 'pom.xml')];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else sources.push(path);
    }
  };
  walk(join(LAUNCHER_DIR, 'src'));
  return Math.max(...sources.map((path) => statSync(path).mtimeMs));
}

/** Builds the launcher with the Maven wrapper unless an up-to-date jar is already there. */
export function ensureLauncherBuilt(log: (line: string) => void = () => undefined): string {
  if (existsSync(LAUNCHER_JAR) && statSync(LAUNCHER_JAR).mtimeMs >= newestSourceTime()) {
    return LAUNCHER_JAR;
  }
  log('Building the embedded Neo4j launcher with Maven (first run only; downloads Neo4j from Maven Central)…');
  try {
    execFileSync(join(LAUNCHER_DIR, 'mvnw'), ['-q', '-B', 'package', '-DskipTests'], {
      cwd: LAUNCHER_DIR,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
  } catch {
    throw new StartupError(
      'Building the Neo4j launcher failed (see the Maven output above). It needs a JDK 17+ and access to Maven Central.',
    );
  }
  return LAUNCHER_JAR;
}

/**
 * Class-data sharing: most of a cold start is the JVM loading and verifying Neo4j's classes
 * (12.7 s to ready without an archive, 4.4 s with one, on 2 busy cores). The first JVM that
 * stops cleanly records the classes it loaded; later starts map them. Each recording goes to a
 * file of its own and is renamed into place once complete, so concurrent starts (tests) never
 * read a half-written archive; an archive older than the jar is not used (the JVM would refuse
 * it anyway).
 */
function classDataSharing(jar: string): { flags: string[]; keep(): void } {
  if (existsSync(CDS_ARCHIVE) && statSync(CDS_ARCHIVE).mtimeMs >= statSync(jar).mtimeMs) {
    return { flags: [`-XX:SharedArchiveFile=${CDS_ARCHIVE}`, '-Xshare:auto'], keep: () => undefined };
  }
  const recording = `${CDS_ARCHIVE}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  return {
    flags: [`-XX:ArchiveClassesAtExit=${recording}`],
    keep() {
      try {
        if (existsSync(recording)) renameSync(recording, CDS_ARCHIVE);
      } catch {
        rmSync(recording, { force: true });
      }
      removeAbandonedRecordings();
    },
  };
}

/** Recordings of JVMs that were killed (their files are never renamed); 100 MB each. */
function removeAbandonedRecordings(): void {
  const dir = dirname(CDS_ARCHIVE);
  const stale = Date.now() - 60 * 60_000;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name.startsWith('neo4j-launcher.jsa.') && name.endsWith('.tmp') && statSync(path).mtimeMs < stale) {
      rmSync(path, { force: true });
    }
  }
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<void> {
  return new Promise((resolveExit) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolveExit();
      return;
    }
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
    }, timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolveExit();
    });
  });
}

/**
 * Starts Neo4j Community in a child JVM and resolves once Bolt accepts connections. The child is
 * killed if this process exits without calling `stop()`, so no orphaned JVM keeps the store
 * locked.
 */
export async function startEmbeddedNeo4j(options: EmbeddedNeo4jOptions): Promise<EmbeddedNeo4j> {
  const log = options.log ?? (() => undefined);
  assertJava();
  const jar = ensureLauncherBuilt(log);
  const dataDir = resolve(PROJECT_ROOT, options.dataDir);
  mkdirSync(dataDir, { recursive: true });

  const sharing = classDataSharing(jar);
  const child = spawn(
    'java',
    [`-Xms${Math.min(256, options.heapMb)}m`, `-Xmx${options.heapMb}m`, '-XX:+UseG1GC', ...sharing.flags, '-jar', jar],
    {
      env: {
        ...process.env,
        TIES_NEO4J_HOME: dataDir,
        TIES_NEO4J_BOLT_PORT: String(options.boltPort),
        TIES_NEO4J_PAGECACHE_MB: String(options.pageCacheMb),
        TIES_NEO4J_PASSWORD: options.password,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const killOnExit = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);

  const uri = await new Promise<string>((resolveReady, rejectReady) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      rejectReady(
        new StartupError(
          `Neo4j did not start within ${options.startTimeoutMs} ms. Its last output:\n${output.slice(-2000)}`,
        ),
      );
    }, options.startTimeoutMs);
    const onLine = (chunk: Buffer): void => {
      output += chunk.toString();
      const ready = /NEO4J_READY (\S+)/.exec(output);
      const failed = /NEO4J_FAILED (.+)/.exec(output);
      if (failed?.[1]) {
        clearTimeout(timer);
        const hint = /is locked by another Neo4j process/.test(failed[1])
          ? ' (a CLI command finds a server started by `npm start` on its own; for another Neo4j, set NEO4J_URI and NEO4J_PASSWORD)'
          : '';
        rejectReady(new StartupError(`The embedded Neo4j could not start: ${failed[1]}${hint}`));
      } else if (ready?.[1]) {
        clearTimeout(timer);
        resolveReady(ready[1]);
      }
    };
    child.stdout?.on('data', onLine);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      rejectReady(
        new StartupError(
          `The embedded Neo4j exited during start-up (${signal ?? `exit code ${code}`}). Its last output:\n${output.slice(-2000)}`,
        ),
      );
    });
  });
  // Keep draining the pipes: a full pipe buffer would block the JVM.
  child.stdout?.resume();
  child.stderr?.resume();
  child.removeAllListeners('exit');
  log(`Embedded Neo4j is up at ${uri} (data in ${dataDir})`);

  let stopping = false;
  const exitListeners: ((exit: ProcessExit) => void)[] = [];
  child.once('exit', (code, signal) => {
    process.removeListener('exit', killOnExit);
    if (stopping) return;
    for (const listener of exitListeners) listener({ code, signal });
  });
  return {
    uri,
    pid: child.pid ?? -1,
    onUnexpectedExit(listener) {
      exitListeners.push(listener);
    },
    async stop() {
      stopping = true;
      process.removeListener('exit', killOnExit);
      child.kill('SIGTERM');
      await waitForExit(child, 30_000);
      // Only a JVM that shut down by itself wrote its class archive to the end.
      if (child.signalCode === null) sharing.keep();
    },
  };
}
