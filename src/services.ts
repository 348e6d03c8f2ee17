import type { Executor } from './db/executor';
import type { Loaders } from './graphql/loaders';
import { EntityListRepository } from './modules/entity/entity.list.repository';
import { EntityRepository } from './modules/entity/entity.repository';
import { EntityService } from './modules/entity/entity.service';
import { ExportRepository } from './modules/export/export.repository';
import { ExportService } from './modules/export/export.service';
import { IngestService } from './modules/ingest/ingest.service';
import { RegionRepository } from './modules/region/region.repository';
import { RegionService } from './modules/region/region.service';

/** The services of one request, wired to that request's executor and loaders. */
export interface Services {
  readonly entity: EntityService;
  readonly export: ExportService;
  readonly ingest: IngestService;
  readonly region: RegionService;
}

export function createServices(db: Executor, loaders: Loaders): Services {
  return {
    entity: new EntityService(new EntityRepository(loaders), new EntityListRepository(db)),
    export: new ExportService(new ExportRepository(db)),
    ingest: new IngestService(db),
    region: new RegionService(new RegionRepository(loaders)),
  };
}
