import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';

import type { Context } from '../request/request.context';
import { Role } from '../auth/auth.roles';
import { Entity } from '../entity/entity.type';
import { Party } from './party.type';
import { TieInput, TieKeyInput } from './tie.input';
import { Tie } from './tie.type';

@Resolver(() => Tie)
export class TieResolver {
  @FieldResolver(() => Entity, { description: 'The entity the tie starts from.' })
  from(@Root() tie: Tie, @Ctx() ctx: Context) {
    return ctx.services.entity.find(tie.fromId);
  }

  @FieldResolver(() => Entity, { description: 'The entity the tie goes to.' })
  to(@Root() tie: Tie, @Ctx() ctx: Context) {
    return ctx.services.entity.find(tie.toId);
  }

  @FieldResolver(() => Party, { nullable: true, description: 'For signing or attendance: the party acted for.' })
  onBehalfOf(@Root() tie: Tie, @Ctx() ctx: Context) {
    return tie.onBehalfOfId ? ctx.services.entity.find(tie.onBehalfOfId) : null;
  }

  @Authorized(Role.Editor)
  @Mutation(() => Boolean, {
    description: 'Creates a tie, or adds the statement to an identical one; true when a new tie was created.',
  })
  createTie(@Arg('input', () => TieInput) input: TieInput, @Ctx() ctx: Context) {
    return ctx.services.write.upsertTie(input, false);
  }

  @Authorized(Role.Editor)
  @Mutation(() => Boolean, { description: 'Replaces the details of an existing tie; NOT_FOUND when there is none.' })
  async updateTie(@Arg('input', () => TieInput) input: TieInput, @Ctx() ctx: Context) {
    await ctx.services.write.upsertTie(input, true);
    return true;
  }

  @Authorized(Role.Editor)
  @Mutation(() => Boolean, { description: 'Deletes a tie; NOT_FOUND when there is none.' })
  async deleteTie(@Arg('input', () => TieKeyInput) input: TieKeyInput, @Ctx() ctx: Context) {
    await ctx.services.write.deleteTie(input.type, input.from, input.to, input.title);
    return true;
  }
}
