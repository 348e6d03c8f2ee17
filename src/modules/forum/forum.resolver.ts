import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';

import type { Context } from '../request/request.context';
import { Document } from '../document/document.type';
import { EntityResolverBase } from '../entity/entity.resolver';
import { Figure } from '../figure/figure.type';
import { Official } from '../official/official.type';
import { Region } from '../region/region.type';
import { Party } from '../tie/party.type';
import { Tie } from '../tie/tie.type';
import { ForumFilter, ForumInput } from './forum.input';
import { Forum } from './forum.type';
import { FOLLOWS } from '../entity/entity.follows';

@Resolver(() => Forum)
export class ForumResolver extends EntityResolverBase({
  type: 'Forum',
  objectType: Forum,
  inputType: ForumInput,
  filterType: ForumFilter,
  one: 'forum',
  many: 'forums',
}) {
  @FieldResolver(() => Region, { nullable: true, description: 'Where it was held.' })
  place(@Root() forum: Forum, @Ctx() ctx: Context) {
    return ctx.services.entity.neighbour(forum.id, FOLLOWS.Forum.place);
  }

  @FieldResolver(() => [Party], { description: 'The regions and organizations taking part.' })
  participants(@Root() forum: Forum, @Ctx() ctx: Context) {
    return ctx.services.entity.neighbours(forum.id, FOLLOWS.Forum.participants);
  }

  @FieldResolver(() => Forum, { nullable: true, description: 'The series this forum is an edition of.' })
  series(@Root() forum: Forum, @Ctx() ctx: Context) {
    return ctx.services.entity.neighbour(forum.id, FOLLOWS.Forum.series);
  }

  @FieldResolver(() => [Forum], { description: 'For a series: its editions.' })
  editions(@Root() forum: Forum, @Ctx() ctx: Context) {
    return ctx.services.entity.neighbours(forum.id, FOLLOWS.Forum.editions);
  }

  @FieldResolver(() => [Forum], { description: 'Events held alongside this one (e.g. an official visit).' })
  async heldAlongside(@Root() forum: Forum, @Ctx() ctx: Context) {
    const [outgoing, incoming] = await Promise.all([
      ctx.services.entity.neighbours(forum.id, FOLLOWS.Forum.heldAlongside[0]),
      ctx.services.entity.neighbours(forum.id, FOLLOWS.Forum.heldAlongside[1]),
    ]);
    // The tie has no direction of its own: stated both ways, it still names one forum.
    const seen = new Set<string>();
    return [...outgoing, ...incoming].filter((other) => {
      if (seen.has(other.id)) return false;
      seen.add(other.id);
      return true;
    });
  }

  @FieldResolver(() => [Document], { description: 'Documents signed at this forum.' })
  documents(@Root() forum: Forum, @Ctx() ctx: Context) {
    return ctx.services.entity.neighbours(forum.id, FOLLOWS.Forum.documents);
  }

  @FieldResolver(() => [Tie], { description: 'Who attended (ATTENDED ties), in what role, on whose behalf.' })
  attendance(@Root() forum: Forum, @Ctx() ctx: Context) {
    return ctx.services.entity.ties(forum.id, FOLLOWS.Forum.attendance);
  }

  @FieldResolver(() => [Official], { description: 'The officials who attended.' })
  attendees(@Root() forum: Forum, @Ctx() ctx: Context) {
    return ctx.services.entity.neighbours(forum.id, FOLLOWS.Forum.attendees);
  }

  @FieldResolver(() => [Figure], { description: 'Figures stated at this forum.' })
  figures(@Root() forum: Forum, @Ctx() ctx: Context) {
    return ctx.services.entity.neighbours(forum.id, FOLLOWS.Forum.figures);
  }
}
