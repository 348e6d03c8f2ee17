import { buildSchema, parse, validate } from 'graphql';

import { knownOperationTypes, subscriptionsOverWebSocket } from './known-operation-types';

describe('knownOperationTypes', () => {
  const schema = buildSchema('type Query { a: Int }');

  it('refuses operations of a type the schema lacks', () => {
    const errors = validate(schema, parse('subscription { a }'), [knownOperationTypes]);
    expect(errors.map((error) => error.message)).toEqual(['This API has no subscription operations']);
    expect(validate(schema, parse('mutation { a }'), [knownOperationTypes])).toHaveLength(1);
  });

  it('lets the others through', () => {
    expect(validate(schema, parse('{ a }'), [knownOperationTypes])).toEqual([]);
  });
});

describe('subscriptionsOverWebSocket', () => {
  const schema = buildSchema('type Query { a: Int } type Subscription { a: Int }');

  it('sends subscriptions to the WebSocket, and lets queries through', () => {
    const errors = validate(schema, parse('subscription { a }'), [subscriptionsOverWebSocket]);
    expect(errors.map((error) => error.message)).toEqual([
      'Subscriptions go over a WebSocket at /graphql (the graphql-ws protocol), not over HTTP',
    ]);
    expect(validate(schema, parse('{ a }'), [subscriptionsOverWebSocket])).toEqual([]);
  });
});
