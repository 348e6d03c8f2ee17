import { toPartialDate } from '../../graphql/partial-date';
import type { Provenance } from '../entity/entity.repository';
import { type Direction, distinctSources, TIE_SPECS } from '../entity/entity.model';
import type { TieRecord } from '../entity/entity.columns';
import type { TieType } from '../entity/entity.model';
import type { Tie } from './tie.type';

export function tieSources(tie: Pick<TieRecord, 'sourceIds' | 'locators' | 'recordedAts' | 'quotes'>): Provenance[] {
  return tie.sourceIds.map((sourceId, index) => ({
    sourceId,
    locator: tie.locators[index] || null,
    quote: tie.quotes[index] || null,
    names: [],
    recordedAt: tie.recordedAts[index] ?? '',
  }));
}

/** A tie read from the side of `anchorId`, following it in `direction`, to `otherId`. */
export function toTie(type: TieType, anchorId: string, otherId: string, direction: Direction, tie: TieRecord): Tie {
  const sources = tieSources(tie);
  return {
    type,
    fromId: direction === 'out' ? anchorId : otherId,
    toId: direction === 'out' ? otherId : anchorId,
    title: tie.title ?? null,
    // Ties with a closed list of roles read as its first (BINDS: PARTY) when none was stated.
    role: tie.role ?? TIE_SPECS[type].roles?.[0] ?? null,
    onBehalfOfId: tie.onBehalfOf ?? null,
    since: toPartialDate(tie.since, tie.sincePrecision),
    until: toPartialDate(tie.until, tie.untilPrecision),
    sources,
    sourceCount: distinctSources(sources),
  };
}
