import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';

import type { Context } from '../request/request.context';
import { Entity } from '../entity/entity.type';
import { DuplicateCandidatesArgs } from './duplicates.input';
import { DuplicateCandidate, DuplicateCandidateConnection, DifferentTerms, SharedNeighbour } from './duplicates.type';

@Resolver(() => DuplicateCandidate)
export class DuplicatesResolver {
  @Query(() => DuplicateCandidateConnection, {
    description:
      'Pairs of entities of one type that are probably one, best first, each with a score in [0, 1] and the ' +
      'reasons for and against it (see docs/decisions/entity-resolution.md). Only pairs whose names share a ' +
      'blocking key are compared, within the limits `work` reports. Merge a pair with `mergeEntities`.',
  })
  duplicateCandidates(@Args(() => DuplicateCandidatesArgs) args: DuplicateCandidatesArgs, @Ctx() ctx: Context) {
    return ctx.services.duplicates.page(args.type, args.minScore, args);
  }

  @FieldResolver(() => Entity, { nullable: true, description: 'The entity first in id order.' })
  left(@Root() candidate: DuplicateCandidate, @Ctx() ctx: Context) {
    return ctx.services.entity.find(candidate.leftId);
  }

  @FieldResolver(() => Entity, { nullable: true, description: 'The other entity.' })
  right(@Root() candidate: DuplicateCandidate, @Ctx() ctx: Context) {
    return ctx.services.entity.find(candidate.rightId);
  }
}

@Resolver(() => SharedNeighbour)
export class SharedNeighbourResolver {
  @FieldResolver(() => Entity, { nullable: true })
  neighbour(@Root() reason: SharedNeighbour, @Ctx() ctx: Context) {
    return ctx.services.entity.find(reason.neighbourId);
  }
}

@Resolver(() => DifferentTerms)
export class DifferentTermsResolver {
  @FieldResolver(() => Entity, { nullable: true })
  organization(@Root() reason: DifferentTerms, @Ctx() ctx: Context) {
    return ctx.services.entity.find(reason.organizationId);
  }
}
