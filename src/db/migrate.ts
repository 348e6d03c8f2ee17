import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import type { Driver } from 'neo4j-driver';

export const MIGRATIONS_DIR = resolve(__dirname, '..', '..', 'schema', 'migrations');

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly statements: string[];
}

/**
 * Splits a migration file into statements. Statements end with `;` at the end of a line;
 * `//` comment lines are dropped.
 */
export function parseMigration(fileName: string, text: string): Migration {
  const match = /^(\d+)_(.+)\.cypher$/.exec(fileName);
  if (!match?.[1] || !match[2]) {
    throw new Error(`Migration file "${fileName}" must be named NNNN_description.cypher`);
  }
  const statements = text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .split(/;\s*$/m)
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
  return { version: Number(match[1]), name: match[2], statements };
}

export function loadMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.cypher'))
    .sort()
    .map((file) => parseMigration(file, readFileSync(join(dir, file), 'utf8')));
}

/**
 * Applies the migrations not yet recorded in the database, in version order. Each statement is
 * idempotent (IF NOT EXISTS), so a run interrupted half-way is simply repeated.
 */
export async function migrate(driver: Driver, database: string, migrations = loadMigrations()): Promise<number[]> {
  const session = driver.session({ database });
  try {
    const applied = await session.executeRead(async (tx) => {
      const result = await tx.run('MATCH (m:SchemaMigration) RETURN m.version AS version');
      return new Set(result.records.map((record) => Number(record.get('version'))));
    });
    const newlyApplied: number[] = [];
    for (const migration of migrations) {
      if (applied.has(migration.version)) continue;
      for (const statement of migration.statements) {
        // Schema commands cannot share a transaction with data writes, so each runs alone.
        await session.run(statement);
      }
      await session.executeWrite((tx) =>
        tx.run('MERGE (m:SchemaMigration {version: $version}) SET m.name = $name, m.appliedAt = datetime()', {
          version: migration.version,
          name: migration.name,
        }),
      );
      newlyApplied.push(migration.version);
    }
    await session.run('CALL db.awaitIndexes(300)');
    return newlyApplied;
  } finally {
    await session.close();
  }
}
