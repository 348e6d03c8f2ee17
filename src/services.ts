import type { AnalysisLimits } from './config';
import type { Executor } from './db/executor';
import type { Loaders } from './graphql/loaders';
import { AnalysisRepository } from './modules/analysis/analysis.repository';
import { AnalysisService } from './modules/analysis/analysis.service';
import { ClaimRepository } from './modules/claim/claim.repository';
import { ClaimService } from './modules/claim/claim.service';
import { EntityListRepository } from './modules/entity/entity.list.repository';
import { EntityRepository } from './modules/entity/entity.repository';
import { EntityService } from './modules/entity/entity.service';
import { ExportRepository } from './modules/export/export.repository';
import { ExportService } from './modules/export/export.service';
import { GraphRepository } from './modules/graph/graph.repository';
import { GraphService } from './modules/graph/graph.service';
import type { ChangeFeed } from './modules/history/change.feed';
import { HistoryRepository } from './modules/history/history.repository';
import { HistoryService } from './modules/history/history.service';
import { ExtractRepository } from './modules/extract/extract.repository';
import { ExtractService } from './modules/extract/extract.service';
import { OverviewRepository } from './modules/overview/overview.repository';
import { OverviewService } from './modules/overview/overview.service';
import { DocumentService } from './modules/document/document.service';
import { DuplicatesRepository } from './modules/resolution/duplicates.repository';
import { DuplicatesService } from './modules/resolution/duplicates.service';
import { RegionRepository } from './modules/region/region.repository';
import { RegionService } from './modules/region/region.service';
import { SearchRepository } from './modules/search/search.repository';
import { SearchService } from './modules/search/search.service';
import { SigningRepository } from './modules/signing/signing.repository';
import { SigningService } from './modules/signing/signing.service';
import { FigureStatsRepository } from './modules/stats/figure-stats.repository';
import { FigureStatsService } from './modules/stats/figure-stats.service';
import { StatsRepository } from './modules/stats/stats.repository';
import { StatsService } from './modules/stats/stats.service';
import { TimelineRepository } from './modules/timeline/timeline.repository';
import { TimelineService } from './modules/timeline/timeline.service';
import { WriteService } from './modules/write/write.service';
import { WriteStore } from './modules/write/write.store';

/** The services of one request, wired to that request's executor and loaders. */
export interface Services {
  readonly analysis: AnalysisService;
  readonly claim: ClaimService;
  readonly document: DocumentService;
  readonly duplicates: DuplicatesService;
  readonly entity: EntityService;
  readonly export: ExportService;
  readonly extract: ExtractService;
  readonly figureStats: FigureStatsService;
  readonly graph: GraphService;
  readonly history: HistoryService;
  readonly overview: OverviewService;
  readonly region: RegionService;
  readonly search: SearchService;
  readonly signing: SigningService;
  readonly stats: StatsService;
  readonly timeline: TimelineService;
  readonly write: WriteService;
}

/**
 * `actor` is who the request runs as, recorded on every change it makes; `feed` is the process's
 * live feed of changes (absent for jobs such as the CLI, which have no subscribers); `analysis`
 * bounds the network measures.
 */
export function createServices(
  db: Executor,
  loaders: Loaders,
  actor: string,
  analysis: AnalysisLimits,
  feed?: ChangeFeed,
): Services {
  const entity = new EntityService(new EntityRepository(loaders, db), new EntityListRepository(db));
  return {
    analysis: new AnalysisService(new AnalysisRepository(db), analysis),
    claim: new ClaimService(new ClaimRepository(db)),
    document: new DocumentService(entity),
    duplicates: new DuplicatesService(new DuplicatesRepository(db)),
    entity,
    export: new ExportService(new ExportRepository(db)),
    extract: new ExtractService(new ExtractRepository(db)),
    figureStats: new FigureStatsService(new FigureStatsRepository(db)),
    graph: new GraphService(new GraphRepository(db)),
    history: new HistoryService(new HistoryRepository(db), feed ?? null),
    overview: new OverviewService(new OverviewRepository(db)),
    region: new RegionService(new RegionRepository(loaders)),
    search: new SearchService(new SearchRepository(db)),
    signing: new SigningService(new SigningRepository(db)),
    stats: new StatsService(new StatsRepository(db)),
    timeline: new TimelineService(new TimelineRepository(db)),
    write: new WriteService(new WriteStore(db, actor, feed && ((change) => feed.publish(change)))),
  };
}
