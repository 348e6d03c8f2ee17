import { ENTITY_TYPES, TIE_TYPES } from '../entity/entity.model';
import type { OverviewRepository } from './overview.repository';

export interface GraphOverview {
  /** Entity nodes per type label; every type is listed, 0 when absent. */
  readonly nodes: Readonly<Record<string, number>>;
  /** Relationships per type: every tie type and STATED_IN (provenance), 0 when absent. */
  readonly relationships: Readonly<Record<string, number>>;
  readonly totalNodes: number;
  readonly totalRelationships: number;
}

function sum(counts: Readonly<Record<string, number>>): number {
  return Object.values(counts).reduce((total, count) => total + count, 0);
}

/** What the graph holds, in counts (`ties-graph stats`): a quick check after an ingest or import. */
export class OverviewService {
  constructor(private readonly repository: OverviewRepository) {}

  async counts(): Promise<GraphOverview> {
    const [nodeRows, relationshipRows] = await Promise.all([
      this.repository.nodesByLabel(),
      this.repository.relationshipsByType(),
    ]);
    const counted = (names: readonly string[], rows: readonly { name: string; count: number }[]) => {
      const counts: Record<string, number> = Object.fromEntries([...names].sort().map((name) => [name, 0]));
      for (const row of rows) counts[row.name] = row.count;
      return counts;
    };
    const nodes = counted(ENTITY_TYPES, nodeRows);
    const relationships = counted([...TIE_TYPES, 'STATED_IN'], relationshipRows);
    return { nodes, relationships, totalNodes: sum(nodes), totalRelationships: sum(relationships) };
  }
}
