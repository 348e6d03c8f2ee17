import 'reflect-metadata';

import { type GraphQLSchema, parse, validate } from 'graphql';

import { loadConfig } from '../config';
import { estimate } from './limits/cost';
import { createSchema } from '../schema/schema';
import { panelQueries } from './explorer.queries';

describe("the explorer's property panel queries", () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await createSchema();
  });

  it('has one query per entity type, each valid and within the default cost limit', () => {
    const queries = panelQueries(schema);
    expect(Object.keys(queries.entities).sort()).toEqual(
      ['Document', 'Figure', 'Forum', 'Official', 'Organization', 'Region', 'Sector', 'Source'].sort(),
    );
    const { maxCost } = loadConfig({}).limits;
    for (const { query } of Object.values(queries.entities)) {
      const document = parse(query);
      expect(validate(schema, document)).toEqual([]);
      expect(estimate({ schema, query: document, variables: { id: 'region:kz' } }).cost).toBeLessThanOrEqual(maxCost);
    }
    const tie = parse(queries.tie.query);
    expect(validate(schema, tie)).toEqual([]);
    expect(
      estimate({ schema, query: tie, variables: { type: 'BINDS', from: 'doc:a', to: 'region:kz' } }).cost,
    ).toBeLessThanOrEqual(maxCost);
  });

  it('asks for every field: dates with precision, money with its qualifier, items, sources, claims, history', () => {
    const { Document, Figure } = panelQueries(schema).entities;
    expect(Document?.query).toContain('signedOn { value precision earliest latest }');
    expect(Document?.query).toContain('value { amount currency qualifier }');
    expect(Document?.query).toContain('sources { sourceId locator quote names recordedAt }');
    expect(Document?.query).toMatch(/claims \{ field value sourceId locator quote/);
    expect(Document?.query).toMatch(/history\(id: \$id, first: \d+\) \{ totalCount/);
    // Entities referred to come as references to link, never with their own fields.
    expect(Document?.query).toContain('parties { __typename ... on Entity { id name } }');
    expect(Document?.query).toContain('forum { __typename id name }');
    for (const field of ['items', 'itemCount', 'qualifier', 'changePercent', 'period { value precision']) {
      expect(Figure?.query).toContain(field);
    }
    expect(Figure?.fields.find((field) => field.name === 'between')).toMatchObject({
      type: 'Party',
      list: true,
      entity: true,
    });
    expect(Figure?.fields.find((field) => field.name === 'period')).toMatchObject({ type: 'PartialDate', list: false });
  });
});
