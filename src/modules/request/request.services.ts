import type { AnalysisLimits } from '../../config';
import type { Executor } from '../../db/executor';
import type { Loaders } from '../../graphql/loaders';
import { AnalysisRepository } from '../analysis/analysis.repository';
import { AnalysisService } from '../analysis/analysis.service';
import { ClaimRepository } from '../claim/claim.repository';
import { ClaimService } from '../claim/claim.service';
import { EntityListRepository } from '../entity/entity.list.repository';
import { EntityRepository } from '../entity/entity.repository';
import { EntityService } from '../entity/entity.service';
import { ExportRepository } from '../export/export.repository';
import { ExportService } from '../export/export.service';
import { GraphRepository } from '../graph/graph.repository';
import { GraphService } from '../graph/graph.service';
import type { ChangeFeed } from '../history/change.feed';
import { HistoryRepository } from '../history/history.repository';
import { HistoryService } from '../history/history.service';
import { ExtractRepository } from '../extract/extract.repository';
import { ExtractService } from '../extract/extract.service';
import { OverviewRepository } from '../overview/overview.repository';
import { OverviewService } from '../overview/overview.service';
import { DocumentService } from '../document/document.service';
import { DuplicatesRepository } from '../resolution/duplicates.repository';
import { DuplicatesService } from '../resolution/duplicates.service';
import { RegionRepository } from '../region/region.repository';
import { RegionService } from '../region/region.service';
import { SearchRepository } from '../search/search.repository';
import { SearchService } from '../search/search.service';
import { SigningRepository } from '../signing/signing.repository';
import { SigningService } from '../signing/signing.service';
import { FigureStatsRepository } from '../stats/figure-stats.repository';
import { FigureStatsService } from '../stats/figure-stats.service';
import { StatsRepository } from '../stats/stats.repository';
import { StatsService } from '../stats/stats.service';
import { TimelineRepository } from '../timeline/timeline.repository';
import { TimelineService } from '../timeline/timeline.service';
import { WriteService } from '../write/write.service';
import { WriteStore } from '../write/write.store';

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
