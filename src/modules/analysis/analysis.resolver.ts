import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';

import type { Context } from '../request/request.context';
import { NotFoundError } from '../../errors';
import { Entity } from '../entity/entity.type';
import { CentralityArgs, CommunitiesArgs, EgoNetworkArgs, MembersArgs } from './analysis.input';
import type { CentralityScoreObject, CommunityMemberObject, CommunityObject } from './analysis.service';
import { Centrality, CentralityScore, Communities, Community, CommunityMember, EgoNetwork } from './analysis.type';

@Resolver()
export class AnalysisResolver {
  @Query(() => Centrality, {
    description:
      'The most central entities of a network by a measure: degree, weighted degree, PageRank or betweenness, ' +
      'computed on the network the filter gives (stated in `subgraph`). QUERY_TOO_COMPLEX when the network is ' +
      'larger or slower to compute than the configured bounds.',
  })
  centrality(@Args(() => CentralityArgs) args: CentralityArgs, @Ctx() ctx: Context) {
    return ctx.services.analysis.centrality(args);
  }

  @Query(() => Communities, {
    description:
      'The communities of a network (Louvain), with their modularity, computed on the network the filter gives ' +
      '(stated in `subgraph`). QUERY_TOO_COMPLEX beyond the configured bounds.',
  })
  communities(@Args(() => CommunitiesArgs) args: CommunitiesArgs, @Ctx() ctx: Context) {
    return ctx.services.analysis.communities(args);
  }

  @Query(() => EgoNetwork, {
    description:
      'The entities within `depth` ties of one entity, walking only through those that pass the filter, the ties ' +
      'among them, each entity’s degree within it, and its density. NOT_FOUND when the entity does not exist.',
  })
  egoNetwork(@Args(() => EgoNetworkArgs) args: EgoNetworkArgs, @Ctx() ctx: Context) {
    return ctx.services.analysis.egoNetwork(args);
  }
}

/** Loads an entity of an answer by id; every load of one answer's position is one statement. */
async function entityOf(id: string, ctx: Context) {
  const entity = await ctx.services.entity.find(id);
  // Measured a moment ago, gone now: deleted or merged away between the two reads.
  if (!entity) throw new NotFoundError('Entity', id);
  return entity;
}

@Resolver(() => CentralityScore)
export class CentralityScoreResolver {
  @FieldResolver(() => Entity, { description: 'The entity.' })
  entity(@Root() score: CentralityScoreObject, @Ctx() ctx: Context) {
    return entityOf(score.entityId, ctx);
  }
}

@Resolver(() => CommunityMember)
export class CommunityMemberResolver {
  @FieldResolver(() => Entity, { description: 'The entity.' })
  entity(@Root() member: CommunityMemberObject, @Ctx() ctx: Context) {
    return entityOf(member.entityId, ctx);
  }
}

@Resolver(() => Community)
export class CommunityResolver {
  @FieldResolver(() => [CommunityMember], {
    description: 'Its first members: the most joined to others of the community first, then by degree and id.',
  })
  members(@Root() community: CommunityObject, @Args(() => MembersArgs) args: MembersArgs) {
    return community.members.slice(0, args.first);
  }
}
