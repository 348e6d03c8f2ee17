import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { SEED_DIR } from '../../src/seed';
import { Harness } from '../support/harness';

/**
 * Every relationship field, read from both ends, over the seed graph plus a few ties the seed
 * lacks (signatures, an organization taking part and being bound).
 */

const SEED_SOURCE = 'source:commonspace-2023-03-kz-cn-agreements';
const DIALOGUE = 'forum:kz-xuar-cross-border-dialogue-2';
const SERIES = 'forum:kz-xuar-cross-border-dialogue';
const VISIT = 'forum:ma-xingrui-visit-kazakhstan-2023';
const PACKAGE = 'doc:kz-xuar-dialogue-2-documents';
const COMMERCIAL = 'doc:kz-xuar-dialogue-2-commercial';
const INTERREGIONAL = 'doc:kz-xuar-dialogue-2-interregional';
const MEMORANDA = 'doc:kz-xuar-dialogue-2-memoranda';
const ZHUMANGARIN = 'official:serik-zhumangarin';
const MA = 'official:ma-xingrui';
const MINISTRY = 'org:kz-ministry-of-trade-and-integration';
const EXPORT_OFFER = 'figure:kz-cn-export-offer-2023-03';
const EXPORT_OFFER_PRODUCTS = 'figure:kz-cn-export-offer-products-2023-03';

const EXTRA = {
  source: { id: 'source:r-extra', name: 'Signing ceremony notes' },
  entities: [],
  ties: [
    { type: 'SIGNED', from: ZHUMANGARIN, to: COMMERCIAL, onBehalfOf: 'region:kz', locator: 'l. 1' },
    { type: 'SIGNED', from: MA, to: COMMERCIAL, onBehalfOf: 'region:cn-xj', locator: 'l. 2' },
    { type: 'INVOLVES', from: DIALOGUE, to: 'org:kz-government', locator: 'l. 3' },
    { type: 'BINDS', from: COMMERCIAL, to: MINISTRY, locator: 'l. 4' },
  ],
};

type Ref = { id: string } | null;
const ids = (list: { id: string }[] | undefined) => (list ?? []).map((item) => item.id).sort();

describe('relationship fields', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await Harness.openSeeded();
    const extra = await harness.run(
      `mutation ($report: ReportInput!) { ingestReport(report: $report) { tiesCreated } }`,
      {
        report: EXTRA,
      },
    );
    expect(extra.errors).toBeUndefined();
  });

  afterAll(async () => {
    await harness.close();
  });

  async function read<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const result = await harness.run<T>(query, variables, null);
    expect(result.errors).toBeUndefined();
    return result.data as T;
  }

  it('Region: parent, parts, organizations, documents, forums, forumsHosted, figures, officials', async () => {
    type R = {
      parent: Ref;
      parts: { id: string }[];
      organizations: { id: string }[];
      documents: { id: string }[];
      forums: { id: string }[];
      forumsHosted: { id: string }[];
      figures: { id: string }[];
      officials: { id: string }[];
    };
    const FIELDS = `parent { id } parts { id } organizations { id } documents { id } forums { id }
                    forumsHosted { id } figures { id } officials { id }`;
    const data = await read<{ kz: R; cn: R; xj: R }>(`{
      kz: region(id: "region:kz") { ${FIELDS} }
      cn: region(id: "region:cn") { ${FIELDS} }
      xj: region(id: "region:cn-xj") { ${FIELDS} }
    }`);
    expect(data.xj.parent).toEqual({ id: 'region:cn' });
    expect(data.kz.parent).toBeNull();
    expect(ids(data.cn.parts)).toEqual(['region:cn-xj']);
    expect(ids(data.kz.organizations)).toEqual(['org:kz-government', MINISTRY]);
    expect(ids(data.xj.organizations)).toEqual(['org:ccp-xuar-committee']);
    expect(ids(data.kz.documents)).toEqual([PACKAGE, COMMERCIAL, INTERREGIONAL, MEMORANDA].sort());
    expect(ids(data.xj.documents)).toEqual([INTERREGIONAL]);
    expect(ids(data.kz.forumsHosted)).toEqual([DIALOGUE, VISIT].sort());
    expect(ids(data.xj.forumsHosted)).toEqual([]);
    expect(ids(data.xj.forums)).toEqual([DIALOGUE, VISIT].sort());
    expect(ids(data.kz.figures)).toHaveLength(6);
    expect(ids(data.xj.figures)).toEqual([]);
    // holding a position in a body based there (or in a part of it), or acting on its behalf
    expect(ids(data.kz.officials)).toEqual([ZHUMANGARIN]);
    expect(ids(data.cn.officials)).toEqual([MA]);
    expect(ids(data.xj.officials)).toEqual([MA]);
  });

  it('Organization: region, parent, parts, positions, documents, forums', async () => {
    type O = {
      region: Ref;
      parent: Ref;
      parts: { id: string }[];
      positions: { title: string; from: { id: string }; to: { id: string } }[];
      documents: { id: string }[];
      forums: { id: string }[];
    };
    const FIELDS =
      'region { id } parent { id } parts { id } positions { title from { id } to { id } } documents { id } forums { id }';
    const data = await read<{ ministry: O; government: O }>(`{
      ministry: organization(id: "${MINISTRY}") { ${FIELDS} }
      government: organization(id: "org:kz-government") { ${FIELDS} }
    }`);
    expect(data.ministry).toEqual({
      region: { id: 'region:kz' },
      parent: { id: 'org:kz-government' },
      parts: [],
      positions: [{ title: 'Minister of Trade and Integration', from: { id: ZHUMANGARIN }, to: { id: MINISTRY } }],
      documents: [{ id: COMMERCIAL }],
      forums: [],
    });
    expect(data.government).toMatchObject({
      parent: null,
      parts: [{ id: MINISTRY }],
      positions: [{ title: 'Deputy Prime Minister', from: { id: ZHUMANGARIN } }],
      documents: [],
      forums: [{ id: DIALOGUE }],
    });
  });

  it('Official: positions, attendance, forums, signatures, signedDocuments, statedFigures', async () => {
    type Tie = { from: { id: string }; to: { id: string }; onBehalfOf: Ref; role: string | null };
    type P = {
      positions: { title: string; to: { id: string } }[];
      attendance: Tie[];
      forums: { id: string }[];
      signatures: Tie[];
      signedDocuments: { id: string }[];
      statedFigures: { id: string }[];
    };
    const TIE = 'from { id } to { id } role onBehalfOf { ... on Region { id } ... on Organization { id } }';
    const FIELDS = `positions { title to { id } } attendance { ${TIE} } forums { id } signatures { ${TIE} }
                    signedDocuments { id } statedFigures { id }`;
    const data = await read<{ zh: P; ma: P }>(`{
      zh: official(id: "${ZHUMANGARIN}") { ${FIELDS} }
      ma: official(id: "${MA}") { ${FIELDS} }
    }`);
    expect(data.zh.positions.map((position) => [position.title, position.to.id]).sort()).toEqual([
      ['Deputy Prime Minister', 'org:kz-government'],
      ['Minister of Trade and Integration', MINISTRY],
    ]);
    expect(data.zh.attendance).toEqual([
      { from: { id: ZHUMANGARIN }, to: { id: DIALOGUE }, role: 'speaker', onBehalfOf: { id: 'region:kz' } },
    ]);
    expect(data.ma.attendance).toEqual([
      { from: { id: MA }, to: { id: VISIT }, role: 'visiting official', onBehalfOf: { id: 'org:ccp-xuar-committee' } },
    ]);
    expect(ids(data.zh.forums)).toEqual([DIALOGUE]);
    expect(data.zh.signatures).toEqual([
      { from: { id: ZHUMANGARIN }, to: { id: COMMERCIAL }, role: null, onBehalfOf: { id: 'region:kz' } },
    ]);
    expect(ids(data.ma.signedDocuments)).toEqual([COMMERCIAL]);
    expect(ids(data.zh.statedFigures)).toEqual([EXPORT_OFFER, EXPORT_OFFER_PRODUCTS]);
    expect(ids(data.ma.statedFigures)).toEqual([]);
  });

  it('Forum: place, participants, series, editions, heldAlongside, documents, attendance, attendees, figures', async () => {
    type F = {
      place: Ref;
      participants: { __typename: string; id: string }[];
      series: Ref;
      editions: { id: string }[];
      heldAlongside: { id: string }[];
      documents: { id: string }[];
      attendance: { from: { id: string }; to: { id: string }; role: string }[];
      attendees: { id: string }[];
      figures: { id: string }[];
    };
    const FIELDS = `place { id } participants { __typename ... on Region { id } ... on Organization { id } }
                    series { id } editions { id } heldAlongside { id } documents { id }
                    attendance { from { id } to { id } role } attendees { id } figures { id }`;
    const data = await read<{ dialogue: F; series: F; visit: F }>(`{
      dialogue: forum(id: "${DIALOGUE}") { ${FIELDS} }
      series: forum(id: "${SERIES}") { ${FIELDS} }
      visit: forum(id: "${VISIT}") { ${FIELDS} }
    }`);
    expect(data.dialogue.place).toEqual({ id: 'region:kz' });
    expect(data.dialogue.participants.map((party) => `${party.__typename}:${party.id}`).sort()).toEqual([
      'Organization:org:kz-government',
      'Region:region:cn-xj',
      'Region:region:kz',
    ]);
    expect(data.dialogue.series).toEqual({ id: SERIES });
    expect(data.series.series).toBeNull();
    expect(ids(data.series.editions)).toEqual([DIALOGUE]);
    // held alongside reads the same from either end
    expect(ids(data.dialogue.heldAlongside)).toEqual([VISIT]);
    expect(ids(data.visit.heldAlongside)).toEqual([DIALOGUE]);
    expect(ids(data.dialogue.documents)).toEqual([PACKAGE, COMMERCIAL, INTERREGIONAL, MEMORANDA].sort());
    expect(data.dialogue.attendance).toEqual([{ from: { id: ZHUMANGARIN }, to: { id: DIALOGUE }, role: 'speaker' }]);
    expect(ids(data.visit.attendees)).toEqual([MA]);
    expect(ids(data.dialogue.figures)).toEqual([EXPORT_OFFER, EXPORT_OFFER_PRODUCTS]);
    expect(data.series).toMatchObject({ place: null, documents: [], attendance: [], figures: [] });
  });

  it('Document: forum, parties, sectors, signatures, signatories, partOf, parts', async () => {
    type D = {
      forum: Ref;
      parties: { __typename: string; id: string }[];
      sectors: { id: string }[];
      signatures: { from: { id: string }; onBehalfOf: Ref }[];
      signatories: { id: string }[];
      partOf: Ref;
      parts: { id: string }[];
    };
    const FIELDS = `forum { id } parties { __typename ... on Region { id } ... on Organization { id } }
                    sectors { id } signatures { from { id } onBehalfOf { ... on Region { id } } }
                    signatories { id } partOf { id } parts { id }`;
    const data = await read<{ group: D; commercial: D }>(`{
      group: document(id: "${PACKAGE}") { ${FIELDS} }
      commercial: document(id: "${COMMERCIAL}") { ${FIELDS} }
    }`);
    expect(data.group.forum).toEqual({ id: DIALOGUE });
    expect(data.group.parties.map((party) => party.id).sort()).toEqual(['region:cn', 'region:kz']);
    expect(data.commercial.parties.map((party) => `${party.__typename}:${party.id}`).sort()).toEqual([
      `Organization:${MINISTRY}`,
      'Region:region:cn',
      'Region:region:kz',
    ]);
    expect(ids(data.group.sectors)).toHaveLength(8);
    expect(data.group).toMatchObject({ signatures: [], signatories: [], partOf: null });
    expect(ids(data.group.parts)).toEqual([COMMERCIAL, INTERREGIONAL, MEMORANDA].sort());
    expect(data.commercial.partOf).toEqual({ id: PACKAGE });
    expect(data.commercial.parts).toEqual([]);
    expect(data.commercial.signatures.map((signature) => [signature.from.id, signature.onBehalfOf?.id]).sort()).toEqual(
      [
        [MA, 'region:cn-xj'],
        [ZHUMANGARIN, 'region:kz'],
      ],
    );
    expect(ids(data.commercial.signatories)).toEqual([MA, ZHUMANGARIN]);
  });

  it('Sector: documents; Source: statedEntities', async () => {
    const seed = JSON.parse(readFileSync(join(SEED_DIR, '001_kz-xuar-dialogue-2023.json'), 'utf8')) as {
      entities: Record<string, { id?: string } | string>[];
    };
    const seedIds = seed.entities.map((entity) => {
      const typed = Object.entries(entity).find(([key]) => key !== 'ref' && key !== 'locator');
      return (typed?.[1] as { id: string }).id;
    });
    const data = await read<{
      sector: { documents: { id: string }[] };
      source: { statedEntities: { __typename: string; id: string }[] };
      extra: { statedEntities: { id: string }[] };
    }>(`{
      sector(id: "sector:energy") { documents { id } }
      source(id: "${SEED_SOURCE}") { statedEntities { __typename id } }
      extra: source(id: "source:r-extra") { statedEntities { id } }
    }`);
    expect(ids(data.sector.documents)).toEqual([PACKAGE]);
    expect(ids(data.source.statedEntities)).toEqual([...seedIds].sort());
    expect(new Set(data.source.statedEntities.map((entity) => entity.__typename)).size).toBe(7);
    // a report of ties only states no entity
    expect(data.extra.statedEntities).toEqual([]);
  });

  it('Figure: between, from, to, statedBy, forum', async () => {
    type X = {
      between: { id: string }[];
      from: Ref;
      to: Ref;
      statedBy: Ref;
      forum: Ref;
    };
    const FIELDS = `between { ... on Region { id } } from { ... on Region { id } } to { ... on Region { id } }
                    statedBy { id } forum { id }`;
    const data = await read<{ offer: X; imports: X; border: X }>(`{
      offer: figure(id: "${EXPORT_OFFER}") { ${FIELDS} }
      imports: figure(id: "figure:kz-imports-from-cn-2022") { ${FIELDS} }
      border: figure(id: "figure:kz-cn-border-length") { ${FIELDS} }
    }`);
    expect({ ...data.offer, between: ids(data.offer.between) }).toEqual({
      between: ['region:cn', 'region:kz'],
      from: { id: 'region:kz' },
      to: { id: 'region:cn' },
      statedBy: { id: ZHUMANGARIN },
      forum: { id: DIALOGUE },
    });
    expect(data.imports).toMatchObject({
      from: { id: 'region:cn' },
      to: { id: 'region:kz' },
      statedBy: null,
      forum: null,
    });
    expect(data.border).toMatchObject({ from: null, to: null });
  });

  it('sources: on every entity type and on ties', async () => {
    const data = await read<Record<string, { sources: { sourceId: string; locator: string | null }[] }>>(`{
      official(id: "${ZHUMANGARIN}") { sources { sourceId locator } }
      region(id: "region:cn-xj") { sources { sourceId locator } }
      organization(id: "${MINISTRY}") { sources { sourceId locator } }
      forum(id: "${VISIT}") { sources { sourceId locator } }
      document(id: "${COMMERCIAL}") { sources { sourceId locator } }
      sector(id: "sector:tourism") { sources { sourceId locator } }
      figure(id: "figure:kz-exports-to-cn-2022") { sources { sourceId locator } }
      source(id: "${SEED_SOURCE}") { sources { sourceId locator } }
    }`);
    const locators = Object.fromEntries(
      Object.entries(data).map(([field, entity]) => [
        field,
        entity.sources.map((source) => `${source.sourceId} ${source.locator}`),
      ]),
    );
    expect(locators).toEqual({
      official: [`${SEED_SOURCE} ¶5`],
      region: [`${SEED_SOURCE} ¶1`],
      organization: [`${SEED_SOURCE} ¶5`],
      forum: [`${SEED_SOURCE} ¶3`],
      document: [`${SEED_SOURCE} ¶2`],
      sector: [`${SEED_SOURCE} ¶2`],
      figure: [`${SEED_SOURCE} ¶7`],
      source: [],
    });

    const ties = await read<{
      document: { signatures: { sources: { sourceId: string; locator: string | null; recordedAt: string }[] }[] };
      official: { positions: { sources: { sourceId: string; locator: string | null }[] }[] };
    }>(`{
      document(id: "${COMMERCIAL}") { signatures { sources { sourceId locator recordedAt } } }
      official(id: "${MA}") { positions { sources { sourceId locator } } }
    }`);
    expect(
      ties.document.signatures.flatMap((signature) => signature.sources.map((source) => source.locator)).sort(),
    ).toEqual(['l. 1', 'l. 2']);
    expect(
      ties.document.signatures.every((signature) => !Number.isNaN(Date.parse(signature.sources[0]!.recordedAt))),
    ).toBe(true);
    expect(ties.official.positions.map((position) => position.sources)).toEqual([
      [{ sourceId: SEED_SOURCE, locator: '¶3' }],
      [{ sourceId: SEED_SOURCE, locator: '¶3' }],
    ]);
  });

  it('Tie: from, to and onBehalfOf resolve to entities of any type', async () => {
    const data = await read<{
      forum: {
        attendance: {
          from: { __typename: string; name: string };
          to: { __typename: string };
          onBehalfOf: { __typename: string };
        }[];
      };
    }>(`{
      forum(id: "${VISIT}") {
        attendance { from { __typename name } to { __typename } onBehalfOf { __typename } }
      }
    }`);
    expect(data.forum.attendance).toEqual([
      {
        from: { __typename: 'Official', name: 'Ma Xingrui' },
        to: { __typename: 'Forum' },
        onBehalfOf: { __typename: 'Organization' },
      },
    ]);
  });

  // Last: it adds a tie the tests above do not expect.
  it('Forum.heldAlongside lists a forum once when the tie is stated both ways', async () => {
    const reverse = await harness.run(
      `mutation ($report: ReportInput!) { ingestReport(report: $report) { tiesCreated } }`,
      {
        report: {
          source: { id: 'source:r-reverse', name: 'A report stating the visit alongside the dialogue' },
          entities: [],
          ties: [{ type: 'HELD_ALONGSIDE', from: VISIT, to: DIALOGUE, locator: '¶1' }],
        },
      },
    );
    expect(reverse.errors).toBeUndefined();
    expect(reverse.data).toEqual({ ingestReport: { tiesCreated: 1 } });
    // Through the root field's prefetch, and through the loaders of a list page.
    const data = await read<{
      dialogue: { heldAlongside: { id: string }[] };
      visit: { heldAlongside: { id: string }[] };
      forums: { nodes: { id: string; heldAlongside: { id: string }[] }[] };
    }>(`{
      dialogue: forum(id: "${DIALOGUE}") { heldAlongside { id } }
      visit: forum(id: "${VISIT}") { heldAlongside { id } }
      forums(first: 10) { nodes { id heldAlongside { id } } }
    }`);
    expect(data.dialogue.heldAlongside).toEqual([{ id: VISIT }]);
    expect(data.visit.heldAlongside).toEqual([{ id: DIALOGUE }]);
    const listed = Object.fromEntries(data.forums.nodes.map((forum) => [forum.id, forum.heldAlongside]));
    expect(listed[DIALOGUE]).toEqual([{ id: VISIT }]);
    expect(listed[VISIT]).toEqual([{ id: DIALOGUE }]);
  });
});
