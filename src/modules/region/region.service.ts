import { type EntityObject, toEntityObject } from '../entity/entity.mapper';
import type { RegionRepository } from './region.repository';

export class RegionService {
  constructor(private readonly repository: RegionRepository) {}

  async officials(regionId: string): Promise<EntityObject[]> {
    return (await this.repository.officials(regionId)).map(toEntityObject);
  }
}
