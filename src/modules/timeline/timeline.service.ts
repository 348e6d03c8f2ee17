import { NotFoundError } from '../../errors';
import { DatePrecision } from '../../graphql/partial-date';
import { type EntityObject, toEntityObject } from '../entity/entity.mapper';
import { TIE_TYPES, type TieType } from '../entity/entity.model';
import { type TotalsObject, totalsOf } from '../stats/stats.service';
import type { TimelineArgs, TimelineGroupBy } from './timeline.input';
import type { TimelineRepository } from './timeline.repository';

export interface TimelinePeriodObject {
  readonly key: string;
  readonly precision: DatePrecision | null;
  readonly documents: TotalsObject;
  readonly forumCount: number;
  readonly forums: EntityObject[];
  readonly figureCount: number;
  readonly figures: EntityObject[];
  readonly newCounterpartCount: number;
  readonly newCounterparts: EntityObject[];
}

export interface TimelineObject {
  readonly entity: EntityObject;
  readonly counterpart: EntityObject | null;
  readonly groupBy: TimelineGroupBy;
  readonly tieTypes: readonly TieType[];
  readonly periods: TimelinePeriodObject[];
}

const NO_DOCUMENTS: TotalsObject = { documentCount: 0, entryCount: 0, totalValue: [] };

function precisionOf(key: string): DatePrecision | null {
  if (key === 'undated') return null;
  return key.length === 4 ? DatePrecision.YEAR : DatePrecision.MONTH;
}

/** An entity's events period by period: one statement, folded here into periods. */
export class TimelineService {
  constructor(private readonly repository: TimelineRepository) {}

  async timeline(args: TimelineArgs): Promise<TimelineObject> {
    const types = args.tieTypes?.length ? TIE_TYPES.filter((type) => args.tieTypes?.includes(type)) : [...TIE_TYPES];
    const row = await this.repository.timeline({
      id: args.id,
      counterpart: args.counterpart ?? null,
      groupBy: args.groupBy,
      types,
      limit: args.limit,
    });
    if (!row) throw new NotFoundError('Entity', args.id);
    if (args.counterpart && !row.counterpart) throw new NotFoundError('Entity', args.counterpart);

    const keys = new Set([
      ...row.documentRows.map((r) => r.key),
      ...row.forumRows.map((r) => r.key),
      ...row.figureRows.map((r) => r.key),
      ...row.counterpartRows.map((r) => r.key),
    ]);
    const periods = [...keys].sort().map((key): TimelinePeriodObject => {
      const documents = row.documentRows.filter((r) => r.key === key);
      const forums = row.forumRows.find((r) => r.key === key);
      const figures = row.figureRows.find((r) => r.key === key);
      const counterparts = row.counterpartRows.find((r) => r.key === key);
      return {
        key,
        precision: precisionOf(key),
        documents: documents.length > 0 ? totalsOf(documents) : NO_DOCUMENTS,
        forumCount: forums?.total ?? 0,
        forums: (forums?.entities ?? []).map(toEntityObject),
        figureCount: figures?.total ?? 0,
        figures: (figures?.entities ?? []).map(toEntityObject),
        newCounterpartCount: counterparts?.total ?? 0,
        newCounterparts: (counterparts?.entities ?? []).map(toEntityObject),
      };
    });
    return {
      entity: toEntityObject(row.entity),
      counterpart: row.counterpart ? toEntityObject(row.counterpart) : null,
      groupBy: args.groupBy,
      tieTypes: types,
      periods,
    };
  }
}
