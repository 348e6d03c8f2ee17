import type { Command } from 'commander';

import { withGraph } from '../graph-session';

/** Two sections of right-aligned counts, sharing one column width. */
function table(sections: readonly [title: string, total: number, counts: Readonly<Record<string, number>>][]): string {
  const names = sections.flatMap(([title, , counts]) => [title, ...Object.keys(counts).map((name) => `  ${name}`)]);
  const width = Math.max(...names.map((name) => name.length)) + 2;
  const line = (name: string, count: number): string => `${name.padEnd(width)}${String(count).padStart(8)}`;
  return sections
    .flatMap(([title, total, counts]) => [
      line(title, total),
      ...Object.entries(counts).map(([name, count]) => line(`  ${name}`, count)),
    ])
    .join('\n');
}

export function registerStats(program: Command): void {
  program
    .command('stats')
    .description('Count the entities per type and the relationships per tie type')
    .option('--json', 'print the counts as JSON')
    .action(async (options: { json?: boolean }) => {
      const counts = await withGraph((session) => session.context().services.overview.counts());
      process.stdout.write(
        options.json
          ? `${JSON.stringify(counts, null, 2)}\n`
          : `${table([
              ['Entities', counts.totalNodes, counts.nodes],
              ['Relationships', counts.totalRelationships, counts.relationships],
            ])}\n`,
      );
    });
}
