import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Mutation,
  Query,
  Resolver,
  Root,
  Subscription,
  type ArgOptions,
} from 'type-graphql';

import type { Context } from '../request/request.context';
import { BadUserInputError, ForbiddenError } from '../../errors';
import { Connection, PageArgs } from '../../graphql/pagination';
import { validateInput } from '../../graphql/validation';
import { Role, roleSatisfies } from '../auth/auth.roles';
import type { TieType as TieTypeName } from '../entity/entity.model';
import { entityIdArg } from '../entity/entity.ids';
import { TieType } from '../tie/tie.type';
import { ChangeFilter } from './history.input';
import type { ChangeRecord } from './change.model';
import { type ChangeObject, toChange } from './history.service';
import { Change } from './history.type';

const ChangeConnection = Connection(Change, 'Change');

const CHANGE_ID = /^change:[0-9a-z]{10}-[0-9a-f]{10}$/;

/** A change id argument, refused as BAD_USER_INPUT when it cannot be one (`change:<time>-<random>`). */
const changeIdArg = (name: string): ArgOptions => ({
  validateFn: (value: unknown) => {
    if (typeof value !== 'string' || !CHANGE_ID.test(value)) {
      throw BadUserInputError.forField(
        name,
        `must be a change id: "change:" then its time and a random part (e.g. "change:0mia6hb1k4-3f9c2a7e01"), not ${JSON.stringify(value)}`,
      );
    }
  },
});

/** Who made a change is for editors: filtering by actor would tell it as well. */
function assertMaySeeActors(ctx: Context, filter: ChangeFilter | null | undefined): void {
  if (filter?.actor && !roleSatisfies(ctx.user?.roles ?? [], Role.Editor)) {
    throw new ForbiddenError('Filtering changes by actor needs the editor role');
  }
}

@Resolver(() => Change)
export class HistoryResolver {
  @Query(() => Change, { nullable: true, description: 'One recorded change by id.' })
  change(@Arg('id', () => ID, changeIdArg('id')) id: string, @Ctx() ctx: Context) {
    return ctx.services.history.change(id);
  }

  @Query(() => ChangeConnection, {
    description: 'The changes that made an entity what it is (its properties and its ties), newest first.',
  })
  history(
    @Arg('id', () => ID, entityIdArg('id', 'any')) id: string,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.history.history(id, page);
  }

  @Query(() => ChangeConnection, {
    description: 'The changes of one tie, newest first; `title` names the position of a HOLDS tie.',
  })
  tieHistory(
    @Arg('type', () => TieType) type: TieTypeName,
    @Arg('from', () => ID, entityIdArg('from', 'any')) from: string,
    @Arg('to', () => ID, entityIdArg('to', 'any')) to: string,
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
    assertMaySeeActors(ctx, filter);
    return ctx.services.history.changes(filter, page);
  }

  @Subscription(() => Change, {
    description:
      'Each change committed from now on that passes the filter (the same as `changes`), over graphql-ws on ' +
      '/graphql: "tell me when an agreement involving Xinjiang is recorded".',
    subscribe: async ({ args, context }: { args: { filter?: ChangeFilter | null }; context: Context }) => {
      // A subscription's arguments do not pass the schema's validation hook: check them here.
      const filter = args.filter ? Object.assign(new ChangeFilter(), args.filter) : null;
      if (filter) await validateInput(filter, 'filter');
      assertMaySeeActors(context, filter);
      return context.services.history.subscribe(filter);
    },
  })
  changed(
    @Root() change: ChangeRecord,
    @Arg('filter', () => ChangeFilter, { nullable: true }) _filter?: ChangeFilter | null,
  ): ChangeObject {
    return toChange(change);
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
  async revertChange(@Arg('id', () => ID, changeIdArg('id')) id: string, @Ctx() ctx: Context) {
    const revert = await ctx.services.write.revertChange(id);
    return ctx.services.history.change(revert);
  }
}
