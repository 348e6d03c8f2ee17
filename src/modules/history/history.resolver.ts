import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';

import type { Context } from '../../context';
import { Connection, PageArgs } from '../../graphql/pagination';
import { Role, roleSatisfies } from '../auth/auth.roles';
import type { TieType as TieTypeName } from '../entity/entity.model';
import { TieType } from '../tie/tie.type';
import { ChangeFilter } from './history.input';
import type { ChangeObject } from './history.service';
import { Change } from './history.type';

const ChangeConnection = Connection(Change, 'Change');

@Resolver(() => Change)
export class HistoryResolver {
  @Query(() => Change, { nullable: true, description: 'One recorded change by id.' })
  change(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.history.change(id);
  }

  @Query(() => ChangeConnection, {
    description: 'The changes that made an entity what it is (its properties and its ties), newest first.',
  })
  history(@Arg('id', () => ID) id: string, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context) {
    return ctx.services.history.history(id, page);
  }

  @Query(() => ChangeConnection, {
    description: 'The changes of one tie, newest first; `title` names the position of a HOLDS tie.',
  })
  tieHistory(
    @Arg('type', () => TieType) type: TieTypeName,
    @Arg('from', () => ID) from: string,
    @Arg('to', () => ID) to: string,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Arg('title', () => String, { nullable: true }) title?: string | null,
  ) {
    return ctx.services.history.tieHistory(type, from, to, title ?? null, page);
  }

  @Query(() => ChangeConnection, { description: 'Every recorded change, newest first, filtered.' })
  changes(
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Arg('filter', () => ChangeFilter, { nullable: true }) filter?: ChangeFilter | null,
  ) {
    return ctx.services.history.changes(filter, page);
  }

  @FieldResolver(() => String, { nullable: true })
  actor(@Root() change: ChangeObject, @Ctx() ctx: Context): string | null {
    return roleSatisfies(ctx.user?.roles ?? [], Role.Editor) ? change.actorName : null;
  }

  @FieldResolver(() => [Change], { description: 'The changes that reverted this one.' })
  revertedBy(@Root() change: ChangeObject, @Ctx() ctx: Context) {
    return ctx.services.history.revertsOf(change.id);
  }

  @Authorized(Role.Editor)
  @Mutation(() => Change, {
    description:
      'Puts every fact a change touched back as it was before it, as a new change (a deleted entity comes back ' +
      'with its ties and their sources). CONFLICT, naming the later changes, when one of those facts changed since.',
  })
  async revertChange(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    const revert = await ctx.services.write.revertChange(id);
    return ctx.services.history.change(revert);
  }
}
