import { defaultFieldResolver, type GraphQLSchema } from 'graphql';

import type { Context } from '../request/request.context';
import { checkRead } from './auth.checker';

/**
 * Puts the reader check in front of every root query field, for deployments where reads need a
 * credential (`REQUIRE_AUTH_FOR_READS`). It runs the one role check (`checkRead`), as
 * `@Authorized(Role.Reader)` would, but only on root fields: nested fields are reached through a
 * checked root, and wrapping them all would slow every field of every answer. Introspection
 * (`__schema`, `__type`) is governed by INTROSPECTION instead.
 */
export function guardReads(schema: GraphQLSchema): GraphQLSchema {
  const fields = schema.getQueryType()?.getFields() ?? {};
  // A subscription reads as a query does: its `subscribe` runs the same check once, when it starts.
  for (const field of Object.values(schema.getSubscriptionType()?.getFields() ?? {})) {
    const subscribe = field.subscribe;
    if (!subscribe) continue;
    field.subscribe = (root: unknown, args: Record<string, unknown>, context: Context, info) => {
      checkRead(context);
      return subscribe(root, args, context, info);
    };
  }
  for (const field of Object.values(fields)) {
    const resolve = field.resolve ?? defaultFieldResolver;
    field.resolve = (root: unknown, args: Record<string, unknown>, context: Context, info) => {
      checkRead(context);
      return resolve(root, args, context, info);
    };
  }
  return schema;
}
