import { GraphQLError, OperationTypeNode, type ValidationRule } from 'graphql';

/**
 * Refuses an operation whose type the schema does not have (here: subscriptions). graphql-js 16
 * lets such an operation through validation and fails it during execution with an error that
 * carries no code, which clients would see as an internal error; graphql-js 17 adds this rule.
 */
export const knownOperationTypes: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (!context.getSchema().getRootType(node.operation))
      context.reportError(new GraphQLError(`This API has no ${node.operation} operations`, { nodes: node }));
  },
});

/**
 * Refuses subscriptions on HTTP: they need a connection that stays open, the WebSocket at the same
 * path (graphql-ws). Without this, Apollo would run one and answer with an uncoded error.
 */
export const subscriptionsOverWebSocket: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (node.operation === OperationTypeNode.SUBSCRIPTION) {
      context.reportError(
        new GraphQLError('Subscriptions go over a WebSocket at /graphql (the graphql-ws protocol), not over HTTP', {
          nodes: node,
        }),
      );
    }
  },
});
