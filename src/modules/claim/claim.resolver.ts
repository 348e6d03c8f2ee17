import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';

import type { Context } from '../request/request.context';
import { Connection, PageArgs } from '../../graphql/pagination';
import { Role } from '../auth/auth.roles';
import type { EntityType as EntityTypeName } from '../entity/entity.model';
import { entityIdArg } from '../entity/entity.ids';
import { Entity, EntityType } from '../entity/entity.type';
import { Conflict } from './claim.type';

const ConflictConnection = Connection(Conflict, 'Conflict');

@Resolver()
export class ClaimResolver {
  @Query(() => ConflictConnection, {
    description: 'The entities on which sources disagree (another total, another date), with every claim.',
  })
  conflicts(
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Arg('type', () => EntityType, { nullable: true }) type?: EntityTypeName | null,
  ) {
    return ctx.services.claim.conflicts(type ?? null, page);
  }

  @Authorized(Role.Editor)
  @Mutation(() => Entity, {
    description:
      'Shows the claim of one source (or, with no sourceId, of an edit that cited none) for a fact on which ' +
      'sources disagree, instead of the first stated. Recorded as a change, like every write.',
  })
  async preferClaim(
    @Arg('entity', () => ID, entityIdArg('entity', 'any')) entity: string,
    @Arg('field') field: string,
    @Ctx() ctx: Context,
    @Arg('sourceId', () => ID, { nullable: true, ...entityIdArg('sourceId', 'Source', true) }) sourceId?: string | null,
  ) {
    await ctx.services.write.preferClaim(entity, field, sourceId ?? null);
    return ctx.services.entity.find(entity);
  }
}
