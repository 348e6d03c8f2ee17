import { Args, Ctx, Query, Resolver } from 'type-graphql';

import type { Context } from '../request/request.context';
import { TimelineArgs } from './timeline.input';
import { Timeline } from './timeline.type';

@Resolver()
export class TimelineResolver {
  @Query(() => Timeline, {
    description:
      'An entity period by period: its documents (how many, of what stated value), the forums and figures tied to ' +
      'it, and the regions and organizations it first shares one of them with. With `counterpart`, only what ' +
      'ties both: how two parties’ ties grew. NOT_FOUND when either entity does not exist.',
  })
  timeline(@Args(() => TimelineArgs) args: TimelineArgs, @Ctx() ctx: Context) {
    return ctx.services.timeline.timeline(args);
  }
}
