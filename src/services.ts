import type { Executor } from './db/executor';
import type { Loaders } from './graphql/loaders';
import { EntityListRepository } from './modules/entity/entity.list.repository';
import { EntityRepository } from './modules/entity/entity.repository';
import { EntityService } from './modules/entity/entity.service';
import { ExportRepository } from './modules/export/export.repository';
import { ExportService } from './modules/export/export.service';
import { GraphRepository } from './modules/graph/graph.repository';
import { GraphService } from './modules/graph/graph.service';
import { ExtractRepository } from './modules/extract/extract.repository';
import { ExtractService } from './modules/extract/extract.service';
import { IngestService } from './modules/ingest/ingest.service';
import { OverviewRepository } from './modules/overview/overview.repository';
import { OverviewService } from './modules/overview/overview.service';
import { RegionRepository } from './modules/region/region.repository';
import { RegionService } from './modules/region/region.service';
import { SearchRepository } from './modules/search/search.repository';
import { SearchService } from './modules/search/search.service';
import { SigningRepository } from './modules/signing/signing.repository';
import { SigningService } from './modules/signing/signing.service';
import { StatsRepository } from './modules/stats/stats.repository';
import { StatsService } from './modules/stats/stats.service';

/** The services of one request, wired to that request's executor and loaders. */
export interface Services {
  readonly entity: EntityService;
  readonly export: ExportService;
  readonly extract: ExtractService;
  readonly graph: GraphService;
  readonly ingest: IngestService;
  readonly overview: OverviewService;
  readonly region: RegionService;
  readonly search: SearchService;
  readonly signing: SigningService;
  readonly stats: StatsService;
}

export function createServices(db: Executor, loaders: Loaders): Services {
  return {
    entity: new EntityService(new EntityRepository(loaders, db), new EntityListRepository(db)),
    export: new ExportService(new ExportRepository(db)),
    extract: new ExtractService(new ExtractRepository(db)),
    graph: new GraphService(new GraphRepository(db)),
    ingest: new IngestService(db),
    overview: new OverviewService(new OverviewRepository(db)),
    region: new RegionService(new RegionRepository(loaders)),
    search: new SearchService(new SearchRepository(db)),
    signing: new SigningService(new SigningRepository(db)),
    stats: new StatsService(new StatsRepository(db)),
  };
}
