import 'reflect-metadata';

import type { GraphQLSchema } from 'graphql';
import { buildSchema, type PubSub } from 'type-graphql';

import {
  AnalysisResolver,
  CentralityScoreResolver,
  CommunityMemberResolver,
  CommunityResolver,
} from '../modules/analysis/analysis.resolver';
import { authChecker } from '../modules/auth/auth.checker';
import { guardReads } from '../modules/auth/auth.reads';
import { ClaimResolver } from '../modules/claim/claim.resolver';
import { DocumentResolver } from '../modules/document/document.resolver';
import { NodeResolver } from '../modules/entity/entity.resolver';
import { ExtractResolver } from '../modules/extract/extract.resolver';
import { FigureResolver } from '../modules/figure/figure.resolver';
import { ForumResolver } from '../modules/forum/forum.resolver';
import { GraphResolver } from '../modules/graph/graph.resolver';
import { HistoryResolver } from '../modules/history/history.resolver';
import { OfficialResolver } from '../modules/official/official.resolver';
import { OrganizationResolver } from '../modules/organization/organization.resolver';
import { RegionResolver } from '../modules/region/region.resolver';
import {
  DifferentTermsResolver,
  DuplicatesResolver,
  SharedNeighbourResolver,
} from '../modules/resolution/duplicates.resolver';
import { SearchResolver } from '../modules/search/search.resolver';
import { SectorResolver } from '../modules/sector/sector.resolver';
import { SigningResolver } from '../modules/signing/signing.resolver';
import { SourceResolver } from '../modules/source/source.resolver';
import { FigureStatsResolver } from '../modules/stats/figure-stats.resolver';
import { StatsResolver } from '../modules/stats/stats.resolver';
import { TimelineResolver } from '../modules/timeline/timeline.resolver';
import { TieResolver } from '../modules/tie/tie.resolver';
import { MergeResolver } from '../modules/write/merge.resolver';
import { ReportResolver } from '../modules/write/report.resolver';
import { batchLoadsByParent } from '../graphql/loaders';
import { validateArgument } from '../graphql/validation';

export const RESOLVERS = [
  NodeResolver,
  RegionResolver,
  OrganizationResolver,
  OfficialResolver,
  ForumResolver,
  DocumentResolver,
  SectorResolver,
  SourceResolver,
  FigureResolver,
  TieResolver,
  ReportResolver,
  MergeResolver,
  SigningResolver,
  GraphResolver,
  SearchResolver,
  StatsResolver,
  FigureStatsResolver,
  AnalysisResolver,
  CentralityScoreResolver,
  CommunityResolver,
  CommunityMemberResolver,
  TimelineResolver,
  HistoryResolver,
  ClaimResolver,
  ExtractResolver,
  DuplicatesResolver,
  SharedNeighbourResolver,
  DifferentTermsResolver,
] as const;

/**
 * type-graphql wants a publish/subscribe bus for subscriptions; ours bring their own source (the
 * change feed, `subscribe` in the resolver), so a bus with topics would be a second, unused one.
 */
const NO_TOPICS: PubSub = {
  publish: () => undefined,
  subscribe: () => {
    throw new Error('subscriptions here have their own source; topics are not used');
  },
};

export async function createSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    pubSub: NO_TOPICS,
    resolvers: [...RESOLVERS],
    authChecker,
    validateFn: (argValue, _type, { args }) => validateArgument(argValue, args),
  });
  return batchLoadsByParent(guardReads(schema));
}
