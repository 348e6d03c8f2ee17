import type { Follow } from '../entity/entity.follows';
import { FOLLOWS } from '../entity/entity.follows';
import type { EntityObject } from '../entity/entity.mapper';
import { PART_OF_DEPTH } from '../entity/entity.parts';
import type { EntityService } from '../entity/entity.service';

/**
 * What a document has through the reported groups it is part of (the rule of SELF_AND_GROUPS):
 * read through the entity service's per-request loaders, so a list of documents asking for it
 * costs one statement per level of groups, not one per document.
 */
export class DocumentService {
  constructor(private readonly entity: EntityService) {}

  /** The groups a document is part of, nearest first, up to PART_OF_DEPTH levels up. */
  async groupsOf(id: string): Promise<EntityObject[]> {
    const groups: EntityObject[] = [];
    const seen = new Set([id]);
    let current = id;
    for (let level = 0; level < PART_OF_DEPTH; level += 1) {
      const group = await this.entity.neighbour(current, FOLLOWS.Document.partOf);
      if (group === null || seen.has(group.id)) break;
      seen.add(group.id);
      groups.push(group);
      current = group.id;
    }
    return groups;
  }

  /** What the document's groups have along `follow` that the document has not itself, nearest group first. */
  async inherited(id: string, follow: Follow): Promise<EntityObject[]> {
    const groups = await this.groupsOf(id);
    if (groups.length === 0) return [];
    const [own, ...ofGroups] = await Promise.all([
      this.entity.neighbours(id, follow),
      ...groups.map((group) => this.entity.neighbours(group.id, follow)),
    ]);
    const seen = new Set((own ?? []).map((entity) => entity.id));
    const inherited: EntityObject[] = [];
    for (const entity of ofGroups.flat()) {
      if (seen.has(entity.id)) continue;
      seen.add(entity.id);
      inherited.push(entity);
    }
    return inherited;
  }
}
