import type { Command } from 'commander';

import { BadUserInputError } from '../../errors';
import { ENTITY_TYPES, type EntityType } from '../../modules/entity/entity.model';
import { describeReason } from '../../modules/resolution/duplicates.score';
import { DEFAULT_MIN_SCORE } from '../../modules/resolution/duplicates.service';
import { UsageError } from '../errors';
import { withGraph } from '../graph-session';

interface DuplicatesOptions {
  type: string;
  minScore: string;
  json?: boolean;
}

function entityType(text: string): EntityType {
  const type = ENTITY_TYPES.find((name) => name.toLowerCase() === text.toLowerCase());
  if (!type) throw new UsageError(`--type: "${text}" is not an entity type (${ENTITY_TYPES.join(', ')})`);
  return type;
}

function minScore(text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < 0 || value > 1) {
    throw new UsageError(`--min-score: "${text}" is not a number from 0 to 1`);
  }
  return value;
}

export function registerDuplicates(program: Command): void {
  program
    .command('duplicates')
    .description('List pairs of entities of one type that are probably one, best first, with their reasons')
    .requiredOption('--type <type>', `entity type, e.g. Organization (${ENTITY_TYPES.join(', ')})`)
    .option('--min-score <score>', 'only pairs scoring at least this, 0 to 1', String(DEFAULT_MIN_SCORE))
    .option('--json', 'print the candidates, their reasons and the work done as JSON')
    .action(async (options: DuplicatesOptions) => {
      const type = entityType(options.type);
      const threshold = minScore(options.minScore);
      const { candidates, work } = await withGraph((session) =>
        session.context().services.duplicates.search(type, threshold),
      ).catch((error: unknown) => {
        if (error instanceof BadUserInputError) throw new UsageError(`--type: ${error.message}`);
        throw error;
      });
      if (options.json) {
        process.stdout.write(`${JSON.stringify({ type, minScore: threshold, candidates, work }, null, 2)}\n`);
      } else {
        for (const candidate of candidates) {
          process.stdout.write(
            `${candidate.score.toFixed(3)}  ${candidate.leftId} "${candidate.leftName}"  ~  ${candidate.rightId} "${candidate.rightName}"\n` +
              `       ${candidate.reasons.map(describeReason).join('; ')}\n`,
          );
        }
        process.stdout.write(
          `${candidates.length} candidate pair(s) of ${type} scoring ${threshold} or more; compared ${work.comparisons} ` +
            `pairs of ${work.entities} entities sharing a blocking key (${work.oversizedBlocks} of ${work.blocks} ` +
            `blocks over ${work.limits.blockSize} entities skipped)\n`,
        );
      }
      if (work.capped) {
        process.stderr.write(
          `The search stopped at a limit (${work.limits.entities} entities, ${work.limits.comparisons} comparisons, ` +
            `${work.limits.surroundings} entities with neighbours read): there may be more candidates.\n`,
        );
      }
    });
}
