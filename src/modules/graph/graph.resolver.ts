import { Args, Ctx, Query, Resolver } from 'type-graphql';

import type { Context } from '../request/request.context';
import { NeighborhoodArgs, PathArgs, TiesArgs } from './graph.input';
import { Neighborhood, Paths, TieConnections } from './graph.type';

@Resolver()
export class GraphResolver {
  @Query(() => TieConnections, {
    description:
      'Everything that directly connects two entities: ties either way, acting on behalf of the other, and the ' +
      'documents, forums, organizations, regions, officials, figures and sectors they share. NOT_FOUND when either ' +
      'entity does not exist.',
  })
  ties(@Args(() => TiesArgs) args: TiesArgs, @Ctx() ctx: Context) {
    return ctx.services.graph.ties(args);
  }

  @Query(() => Paths, {
    description:
      'The shortest paths between two entities of at most `maxHops` ties, each with its nodes in order and the ' +
      'ties along it (sources are never walked through). NOT_FOUND when either entity does not exist.',
  })
  path(@Args(() => PathArgs) args: PathArgs, @Ctx() ctx: Context) {
    return ctx.services.graph.path(args);
  }

  @Query(() => Neighborhood, {
    description:
      'The entities within `depth` ties of one entity and the ties among them, shaped for drawing: nodes with ' +
      'type and label, edges with stable ids, source and target. Nearer entities are kept first when `limit` cuts.',
  })
  neighborhood(@Args(() => NeighborhoodArgs) args: NeighborhoodArgs, @Ctx() ctx: Context) {
    return ctx.services.graph.neighborhood(args);
  }
}
