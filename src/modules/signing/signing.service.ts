import { BadUserInputError } from '../../errors';
import { decodeCursor, type Page, type PageArgs, toPage } from '../../graphql/pagination';
import { isoRange } from '../../graphql/partial-date';
import { type EntityObject, toEntityObject } from '../entity/entity.mapper';
import type { TieRecord } from '../entity/entity.columns';
import type { Provenance } from '../entity/entity.repository';
import { tieSources } from '../tie/tie.mapper';
import type { SigningFilter } from './signing.input';
import type { SigningQueryFilter, SigningRepository, SigningRow } from './signing.repository';
import { SigningOrder } from './signing.type';

export interface SignatureObject {
  readonly signatory: EntityObject;
  readonly onBehalfOf: EntityObject | null;
  readonly sources: Provenance[];
}

export interface SigningObject extends SignatureObject {
  readonly document: EntityObject;
  readonly forum: EntityObject | null;
  readonly counterparts: SignatureObject[];
  readonly parties: EntityObject[];
}

function toQueryFilter(input: SigningFilter | null | undefined): SigningQueryFilter {
  const range = isoRange(input?.dateFrom, input?.dateTo);
  return {
    region: input?.region ?? null,
    official: input?.official ?? null,
    organization: input?.organization ?? null,
    counterpart: input?.counterpart ?? null,
    forum: input?.forum ?? null,
    kinds: input?.kinds ?? null,
    sector: input?.sector ?? null,
    dateFrom: range.from,
    dateTo: range.to,
  };
}

function toSignature(row: {
  signatory: SigningRow['signatory'];
  party: SigningRow['party'];
  tie: TieRecord;
}): SignatureObject {
  return {
    signatory: toEntityObject(row.signatory),
    onBehalfOf: row.party ? toEntityObject(row.party) : null,
    sources: tieSources(row.tie),
  };
}

/** The who-signed-what-with-whom view over SIGNED ties. */
export class SigningService {
  constructor(private readonly repository: SigningRepository) {}

  /** A keyset page of signings; `totalCount` runs its count query only when asked for. */
  async list(
    input: SigningFilter | null | undefined,
    order: SigningOrder,
    page: PageArgs,
  ): Promise<Page<SigningObject>> {
    const filter = toQueryFilter(input);
    const after = decodeCursor(page.after, order);
    if (after && typeof after.value !== 'string') {
      throw BadUserInputError.forField('after', 'is not a cursor of this list');
    }
    const rows = await this.repository.page({
      filter,
      descending: order === SigningOrder.DATE_DESC,
      after,
      limit: page.first + 1,
    });
    return toPage(
      rows,
      page.first,
      (row) => ({ value: row.sortKey, id: row.rowId }),
      () => this.repository.count(filter),
      order,
    ).mapNodes((row) => ({
      ...toSignature(row),
      document: toEntityObject(row.document),
      forum: row.forum ? toEntityObject(row.forum) : null,
      counterparts: row.counterparts.map(toSignature),
      parties: row.parties.map(toEntityObject),
    }));
  }
}
