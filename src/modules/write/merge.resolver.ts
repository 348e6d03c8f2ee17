import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';

import type { Context } from '../request/request.context';
import { Role } from '../auth/auth.roles';
import { entityIdArg } from '../entity/entity.ids';
import { MergeResult } from './merge.type';

@Resolver()
export class MergeResolver {
  @Authorized(Role.Editor)
  @Mutation(() => MergeResult, {
    description:
      'Merges entities of one type found to be one into `keep`: their ties and statements move to it (ties that ' +
      'become one are combined, their sources joined), their names become aliases, their ids keep finding it ' +
      '(`mergedFrom`). One change: reverting it (`revertChange(changeId)`) is the unmerge. `dryRun` only says what ' +
      'would move.',
  })
  async mergeEntities(
    @Arg('keep', () => ID, entityIdArg('keep', 'any')) keep: string,
    @Arg('merge', () => [ID], entityIdArg('merge', 'any')) merge: string[],
    @Ctx() ctx: Context,
    @Arg('dryRun', { defaultValue: false }) dryRun: boolean,
  ) {
    const outcome = await ctx.services.write.mergeEntities(keep, merge, dryRun);
    return {
      ...outcome,
      merged: [...outcome.merged],
      aliasesAdded: [...outcome.aliasesAdded],
      entity: dryRun ? null : await ctx.services.entity.find(keep),
    };
  }
}
