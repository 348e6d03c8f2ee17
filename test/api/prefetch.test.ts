import { getNamedType, isAbstractType, isObjectType } from 'graphql';

import { createSchema } from '../../src/schema/schema';
import { FOLLOWS } from '../../src/modules/entity/entity.follows';
import { Harness } from '../support/harness';

/**
 * Root entity fields load their whole selection in one statement (`entity.prefetch`), and the
 * field resolvers answer from what it primed. These tests ask every relationship field both ways,
 * with the prefetch and with every field loading on its own, and expect the same answers; with
 * the prefetch, one statement. A field whose `FOLLOWS` entry disagreed with its resolver would
 * load again, and the count would show it.
 */
const SEEDED: Record<keyof typeof FOLLOWS, string> = {
  Document: 'doc:kz-xuar-dialogue-2-documents',
  Forum: 'forum:kz-xuar-cross-border-dialogue-2',
  Official: 'official:ma-xingrui',
  Organization: 'org:kz-ministry-of-trade-and-integration',
  Region: 'region:kz',
  Figure: 'figure:kz-cn-export-offer-2023-03',
  Source: 'source:commonspace-2023-03-kz-cn-agreements',
  Sector: 'sector:energy',
};

const TIE_SELECTION = `type title role since { value } sources { sourceId locator }
  from { id name } to { id name }
  onBehalfOf { __typename ... on Region { id name } ... on Organization { id name } }`;

describe('prefetching a selection in one statement', () => {
  let harness: Harness;
  let selectionOf: (type: string, field: string) => string;

  beforeAll(async () => {
    harness = await Harness.openSeeded();
    const schema = await createSchema();
    // Every field of the entities reached, with their sources: each possible type in a fragment.
    selectionOf = (type, field) => {
      const object = schema.getType(type);
      const found = isObjectType(object) ? object.getFields()[field] : undefined;
      if (!found) throw new Error(`${type}.${field} is not in the schema`);
      const named = getNamedType(found.type);
      if (named.name === 'Tie') return TIE_SELECTION;
      const types = isAbstractType(named) ? schema.getPossibleTypes(named) : [named];
      return `__typename ${types.map((each) => `... on ${each.name} { id name sources { sourceId locator recordedAt } }`).join(' ')}`;
    };
  });

  afterAll(async () => {
    await harness.close();
  });

  /** The request with and without the prefetch: same answer; the statements each way. */
  async function bothWays(query: string, variables: Record<string, unknown> = {}) {
    const on = await harness.run(query, variables, null);
    const off = await harness.run(query, variables, null, { prefetch: false });
    expect(on.errors).toBeUndefined();
    expect(off.errors).toBeUndefined();
    expect(on.data).toEqual(off.data);
    return { data: on.data, withPrefetch: on.context.db.queryCount, fieldByField: off.context.db.queryCount };
  }

  it.each(Object.entries(FOLLOWS))(
    'answers every relationship field of %s from one statement',
    async (type, fields) => {
      const selection = Object.keys(fields)
        .map((field) => `${field} { ${selectionOf(type, field)} }`)
        .join('\n');
      const query = `query ($id: ID!) { node(id: $id) { id ... on ${type} { ${selection} } } }`;
      const { data, withPrefetch, fieldByField } = await bothWays(query, { id: SEEDED[type as keyof typeof FOLLOWS] });

      const node = (data as { node: Record<string, unknown> | null }).node;
      expect(node?.id).toBe(SEEDED[type as keyof typeof FOLLOWS]);
      // the seed gives each of these entities at least one tie to follow
      const found = Object.keys(fields).flatMap((field) => [node?.[field]].flat().filter(Boolean));
      expect(found.length).toBeGreaterThan(0);
      expect(withPrefetch).toBe(1);
      expect(fieldByField).toBeGreaterThan(1);
    },
  );

  it('follows fragments, aliases, unions and @skip/@include like execution does', async () => {
    const { data, withPrefetch } = await bothWays(
      `query ($with: Boolean!) {
        forum(id: "forum:kz-xuar-cross-border-dialogue-2") {
          ...Signed
          everything: documents { id parties { __typename } }
          participants {
            ... on Organization { parent { id } region { id parent { id } } }
            ... on Region { parent { id } parts { id } }
          }
          place { parent { id } }
          attendance @include(if: $with) { from { ... on Official { positions { to { id } } } } to { id } }
          figures @skip(if: $with) { id }
        }
      }
      fragment Signed on Forum { documents { sectors { name } signatures { onBehalfOf { __typename } } } }`,
      { with: true },
    );
    const forum = (data as { forum: Record<string, unknown> }).forum;
    expect(forum['figures']).toBeUndefined();
    expect(forum['attendance']).toEqual(expect.any(Array));
    expect(withPrefetch).toBe(1);
  });

  it('reads ties with their details where one position asks for them and another does not', async () => {
    // The forum's ATTENDED ties are read for their officials first, then again, two levels
    // down, as attendance with roles and sources: the second must not get the first's rows.
    const { data, withPrefetch } = await bothWays(`{
      forum(id: "forum:kz-xuar-cross-border-dialogue-2") {
        attendees { id forums { id attendance { role sources { sourceId } onBehalfOf { __typename } } } }
      }
    }`);
    expect(JSON.stringify(data)).toContain('sourceId');
    expect(withPrefetch).toBe(1);
  });

  it('prefetches the entities of a page in one statement after the page', async () => {
    const { withPrefetch } = await bothWays(`{
      documents(first: 5, orderBy: NAME_DESC) {
        edges { node { id forum { id attendees { id } } } }
        nodes { sectors { id documents { id } } }
      }
    }`);
    expect(withPrefetch).toBe(2);
  });

  it('leaves fields it does not cover to load on their own', async () => {
    // Region.officials is computed by the region service: one statement of its own.
    const { withPrefetch } = await bothWays(`{ region(id: "region:kz") { parts { id } officials { id } } }`);
    expect(withPrefetch).toBe(2);
  });

  it('reads nothing ahead for a selection without relationship fields', async () => {
    const { withPrefetch } = await bothWays(
      `{ region(id: "region:kz") { id name } missing: region(id: "region:none") { id } }`,
    );
    expect(withPrefetch).toBe(1);
  });
});
