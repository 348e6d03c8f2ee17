import { Args, Ctx, Query, Resolver } from 'type-graphql';

import type { Context } from '../request/request.context';
import { SearchArgs } from './search.input';
import { SearchHit } from './search.type';

@Resolver()
export class SearchResolver {
  @Query(() => [SearchHit], {
    description:
      'Full-text search across every entity type by name and alias (case- and accent-insensitive), best match first.',
  })
  search(@Args(() => SearchArgs) args: SearchArgs, @Ctx() ctx: Context) {
    return ctx.services.search.search(args);
  }
}
