import 'reflect-metadata';

import {
  DocumentKind,
  DocumentStatus,
  ForumKind,
  RegionKind,
  ValueQualifier,
} from '../src/modules/entity/entity.enums';
import { type EntityType, tieKey, type TieType } from '../src/modules/entity/entity.model';
import type { TypedEntityInput } from '../src/modules/entity/entity.specs';
import { entityWrite as toEntityWrite } from '../src/modules/write/entity-write';

import type { EntityWrite, TieWrite } from '../src/modules/write/write.repository';
import { Random, Zipf } from './random';

/**
 * The benchmark's synthetic graph. Scale 1 is about 200 regions, 20,000 officials, 5,000 forums,
 * 100,000 documents, 40 sectors and a million relationships. Skew is deliberate: regions,
 * officials (within their region), forums and sectors are drawn from Zipf distributions, so a
 * few of each take part in most documents, and document values spread log-uniformly over six
 * orders of magnitude.
 *
 * Simplifications the three benchmarked systems rely on to return the same answers (all hold
 * for real data too, they are just not guaranteed there): regions are flat (no PART_OF), there
 * are no organizations or reported groups (PACKAGE, PART_OF), every document is dated and
 * valued in USD when it has a value, every signatory signs on behalf of a region the document
 * binds, and a document is signed at one forum at most.
 */
export interface Sizes {
  readonly regions: number;
  readonly officials: number;
  readonly forums: number;
  readonly documents: number;
  readonly sectors: number;
  readonly sources: number;
}

export function sizesFor(scale: number): Sizes {
  return {
    regions: Math.max(12, Math.round(200 * scale)),
    officials: Math.max(100, Math.round(20_000 * scale)),
    forums: Math.max(50, Math.round(5_000 * scale)),
    documents: Math.max(500, Math.round(100_000 * scale)),
    sectors: SECTOR_NAMES.length,
    sources: Math.max(10, Math.round(500 * scale)),
  };
}

const SECTOR_NAMES = [
  'Energy',
  'Oil and gas',
  'Mining',
  'Metallurgy',
  'Agriculture',
  'Food processing',
  'Water resources',
  'Transport',
  'Logistics',
  'Railways',
  'Aviation',
  'Telecommunications',
  'Digital economy',
  'Banking',
  'Insurance',
  'Investment',
  'Trade',
  'Customs',
  'Tourism',
  'Education',
  'Science',
  'Health care',
  'Pharmaceuticals',
  'Culture',
  'Sport',
  'Media',
  'Construction',
  'Housing',
  'Chemicals',
  'Textiles',
  'Machinery',
  'Automotive',
  'Electronics',
  'Renewable energy',
  'Nuclear energy',
  'Environment',
  'Security',
  'Defence',
  'Space',
  'Humanitarian aid',
];

const SYLLABLES = [
  'ka',
  'ra',
  'bek',
  'zhan',
  'nur',
  'li',
  'wei',
  'ser',
  'ik',
  'ay',
  'dar',
  'mur',
  'sul',
  'tan',
  'ming',
  'xin',
  'ol',
  'ga',
  'ba',
  'ta',
  'sha',
  'gul',
  'ai',
  'yer',
  'lan',
  'to',
  'mi',
  'su',
  'ru',
  'chen',
];
const SURNAME_ENDINGS = ['ov', 'ova', 'enko', 'uly', 'in', 'bayev', 'ev', 'sky'];
const REGION_ENDINGS = ['stan', 'ia', 'land', 'ana', 'ova', 'ir'];

const DOCUMENT_KINDS: readonly (readonly [DocumentKind, number])[] = [
  [DocumentKind.MEMORANDUM_OF_UNDERSTANDING, 25],
  [DocumentKind.AGREEMENT, 20],
  [DocumentKind.COMMERCIAL_AGREEMENT, 15],
  [DocumentKind.CONTRACT, 10],
  [DocumentKind.INTERREGIONAL_AGREEMENT, 8],
  [DocumentKind.JOINT_STATEMENT, 6],
  [DocumentKind.TRADE_AGREEMENT, 5],
  [DocumentKind.PROTOCOL, 5],
  [DocumentKind.TREATY, 3],
  [DocumentKind.AMENDMENT, 2],
  [DocumentKind.ACCESSION, 1],
];
const DOCUMENT_STATUSES: readonly (readonly [DocumentStatus, number])[] = [
  [DocumentStatus.SIGNED, 80],
  [DocumentStatus.IN_FORCE, 10],
  [DocumentStatus.ANNOUNCED, 5],
  [DocumentStatus.UNDER_NEGOTIATION, 5],
];
const FORUM_KINDS: readonly (readonly [ForumKind, number])[] = [
  [ForumKind.MEETING, 30],
  [ForumKind.DIALOGUE, 20],
  [ForumKind.VISIT, 20],
  [ForumKind.CONFERENCE, 15],
  [ForumKind.SUMMIT, 15],
];
const ROLES = ['head of delegation', 'delegate', 'speaker', 'observer'];

const capitalise = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);
const pad = (index: number, width: number): string => String(index).padStart(width, '0');

export const regionId = (index: number): string => `region:${pad(index, 4)}`;
export const officialId = (index: number): string => `official:${pad(index, 6)}`;
export const forumId = (index: number): string => `forum:${pad(index, 5)}`;
export const documentId = (index: number): string => `doc:${pad(index, 7)}`;
export const sectorId = (index: number): string => `sector:${pad(index, 2)}`;
export const sourceId = (index: number): string => `source:${pad(index, 5)}`;

/** A date, more often recent: ISO day, month or year, as sources state them. */
function partialDate(random: Random): string {
  const year = random.weighted(Array.from({ length: 30 }, (_, i) => [1995 + i, Math.pow(i + 5, 1.5)] as const));
  const month = random.int(1, 12);
  const day = random.int(1, 28);
  const precision = random.next();
  if (precision < 0.05) return String(year);
  if (precision < 0.2) return `${year}-${pad(month, 2)}`;
  return `${year}-${pad(month, 2)}-${pad(day, 2)}`;
}

function entityWrite(id: string, typed: TypedEntityInput, source: string | null, locator: string): EntityWrite {
  return toEntityWrite(id, typed, { sourceId: source, locator, quote: null }, { replace: false, mustCreate: false });
}

function tieWrite(
  type: TieType,
  from: string,
  to: string,
  props: Record<string, string>,
  source: string | null,
  locator: string,
): TieWrite {
  return { type, from, to, key: tieKey(type, {}), title: null, props, sourceId: source, locator, quote: null };
}

export type Batch =
  | { readonly kind: 'entities'; readonly type: EntityType; readonly rows: EntityWrite[] }
  | { readonly kind: 'ties'; readonly rows: TieWrite[] };

/**
 * The graph as a stream of write batches in load order (every tie after both its ends). The
 * stream is a pure function of the scale and seed; `batchRows` only cuts it into batches.
 */
export function* generate(scale: number, seed: number, batchRows: number): Generator<Batch> {
  const sizes = sizesFor(scale);
  const random = new Random(seed);
  const regionZipf = new Zipf(sizes.regions, 1.0);
  const forumZipf = new Zipf(sizes.forums, 0.8);
  const sectorZipf = new Zipf(sizes.sectors, 0.8);
  const sourceZipf = new Zipf(sizes.sources, 0.7);

  function* chunks<T>(rows: Iterable<T>, wrap: (chunk: T[]) => Batch): Generator<Batch> {
    let chunk: T[] = [];
    for (const row of rows) {
      chunk.push(row);
      if (chunk.length >= batchRows) {
        yield wrap(chunk);
        chunk = [];
      }
    }
    if (chunk.length > 0) yield wrap(chunk);
  }
  const entities = (type: EntityType) => (rows: EntityWrite[]) => ({ kind: 'entities', type, rows }) as const;
  const ties = (rows: TieWrite[]) => ({ kind: 'ties', rows }) as const;

  yield* chunks(
    Array.from({ length: sizes.sources }, (_, i) =>
      entityWrite(
        sourceId(i),
        {
          type: 'Source',
          input: {
            name: `Bulletin of bilateral records no. ${i + 1}`,
            publisher: 'Synthetic Press',
            publishedOn: '2024',
          },
        },
        null,
        '',
      ),
    ),
    entities('Source'),
  );
  yield* chunks(
    SECTOR_NAMES.map((name, i) => entityWrite(sectorId(i), { type: 'Sector', input: { name } }, null, '')),
    entities('Sector'),
  );

  const regionNames: string[] = [];
  while (regionNames.length < sizes.regions) {
    const name = capitalise(`${random.pick(SYLLABLES)}${random.pick(SYLLABLES)}${random.pick(REGION_ENDINGS)}`);
    if (!regionNames.includes(name)) regionNames.push(name);
  }
  yield* chunks(
    regionNames.map((name, i) =>
      entityWrite(regionId(i), { type: 'Region', input: { name, kind: RegionKind.COUNTRY } }, null, ''),
    ),
    entities('Region'),
  );

  // Every region gets one official first, the rest go to regions by Zipf: big regions have
  // many officials, and within a region a few of them sign most documents.
  const officialsOf: number[][] = Array.from({ length: sizes.regions }, () => []);
  const officialNames: string[] = [];
  for (let i = 0; i < sizes.officials; i += 1) {
    const region = i < sizes.regions ? i : regionZipf.draw(random);
    officialsOf[region]?.push(i);
    const first = capitalise(`${random.pick(SYLLABLES)}${random.pick(SYLLABLES)}`);
    const last = capitalise(`${random.pick(SYLLABLES)}${random.pick(SYLLABLES)}${random.pick(SURNAME_ENDINGS)}`);
    officialNames.push(`${first} ${last}`);
  }
  const officialZipfs = officialsOf.map((list) => new Zipf(Math.max(1, list.length), 1.0));
  const drawOfficial = (region: number): number | undefined => {
    const list = officialsOf[region] ?? [];
    const zipf = officialZipfs[region];
    return zipf && list.length > 0 ? list[zipf.draw(random)] : undefined;
  };
  yield* chunks(
    officialNames.map((name, i) => entityWrite(officialId(i), { type: 'Official', input: { name } }, null, '')),
    entities('Official'),
  );

  const forumRows: EntityWrite[] = [];
  const forumTies: TieWrite[] = [];
  for (let i = 0; i < sizes.forums; i += 1) {
    const involved = regionZipf.drawDistinct(random, random.int(2, 4));
    const host = involved[0] ?? 0;
    const kind = random.weighted(FORUM_KINDS);
    const name = `${regionNames[host] ?? ''} ${kind.toLowerCase()} ${i + 1}`;
    forumRows.push(
      entityWrite(forumId(i), { type: 'Forum', input: { name, kind, date: partialDate(random) } }, null, ''),
    );
    forumTies.push(tieWrite('HELD_IN', forumId(i), regionId(host), {}, null, ''));
    for (const region of involved) forumTies.push(tieWrite('INVOLVES', forumId(i), regionId(region), {}, null, ''));
    const attendees = new Map<number, number>();
    const wanted = random.int(10, 50);
    for (let tries = 0; attendees.size < wanted && tries < wanted * 3; tries += 1) {
      const region = random.pick(involved);
      const official = drawOfficial(region);
      if (official !== undefined && !attendees.has(official)) attendees.set(official, region);
    }
    for (const [official, region] of attendees) {
      forumTies.push(
        tieWrite(
          'ATTENDED',
          officialId(official),
          forumId(i),
          { role: random.pick(ROLES), onBehalfOf: regionId(region) },
          null,
          '',
        ),
      );
    }
  }
  yield* chunks(forumRows, entities('Forum'));
  yield* chunks(forumTies, ties);

  // Documents go in chunks with their ties, so the stream never holds more than a chunk.
  const chunkDocuments = Math.max(1, Math.floor(batchRows / 2));
  for (let start = 0; start < sizes.documents; start += chunkDocuments) {
    const documentRows: EntityWrite[] = [];
    const documentTies: TieWrite[] = [];
    for (let i = start; i < Math.min(sizes.documents, start + chunkDocuments); i += 1) {
      const id = documentId(i);
      const source = sourceId(sourceZipf.draw(random));
      const locator = `¶${random.int(1, 40)}`;
      const bound = regionZipf.drawDistinct(random, random.chance(0.2) ? 3 : 2);
      const sectors = sectorZipf.drawDistinct(
        random,
        random.weighted([
          [1, 60],
          [2, 30],
          [3, 10],
        ] as const),
      );
      const kind = random.weighted(DOCUMENT_KINDS);
      const count = random.chance(0.05) ? random.int(2, 12) : 1;
      const hasValue = random.chance(0.75);
      const [firstSector] = sectors;
      const title =
        count === 1
          ? `${capitalise(kind.toLowerCase().replace(/_/g, ' '))} on ${(SECTOR_NAMES[firstSector ?? 0] ?? '').toLowerCase()} ` +
            `between ${bound.map((r) => regionNames[r] ?? '').join(' and ')} no. ${i + 1}`
          : null;
      documentRows.push(
        entityWrite(
          id,
          {
            type: 'Document',
            input: {
              kind,
              title,
              count,
              status: random.weighted(DOCUMENT_STATUSES),
              signedOn: partialDate(random),
              value: hasValue
                ? {
                    amount: Math.round(random.logUniform(1e4, 5e10)),
                    currency: 'USD',
                    qualifier: random.weighted([
                      [ValueQualifier.EXACT, 85],
                      [ValueQualifier.APPROXIMATE, 10],
                      [ValueQualifier.AT_LEAST, 5],
                    ] as const),
                  }
                : null,
            },
          },
          source,
          locator,
        ),
      );
      for (const region of bound) {
        documentTies.push(tieWrite('BINDS', id, regionId(region), {}, source, locator));
        const signers = new Set<number>();
        for (let n = random.chance(0.4) ? 2 : 1; n > 0; n -= 1) {
          const official = drawOfficial(region);
          if (official !== undefined) signers.add(official);
        }
        for (const official of signers) {
          documentTies.push(
            tieWrite('SIGNED', officialId(official), id, { onBehalfOf: regionId(region) }, source, locator),
          );
        }
      }
      for (const sector of sectors) documentTies.push(tieWrite('COVERS', id, sectorId(sector), {}, source, locator));
      if (random.chance(0.7)) {
        documentTies.push(tieWrite('SIGNED_AT', id, forumId(forumZipf.draw(random)), {}, source, locator));
      }
    }
    yield entities('Document')(documentRows);
    yield* chunks(documentTies, ties);
  }
}

/** How many rows (facts) the stream holds, counted by a dry run of the generator. */
export function countRows(scale: number, seed: number): { entities: number; ties: number } {
  let entityRows = 0;
  let tieRows = 0;
  for (const batch of generate(scale, seed, 10_000)) {
    if (batch.kind === 'entities') entityRows += batch.rows.length;
    else tieRows += batch.rows.length;
  }
  return { entities: entityRows, ties: tieRows };
}
