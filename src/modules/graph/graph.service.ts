import { BadUserInputError, NotFoundError } from '../../errors';
import { type EntityObject, toEntityObject } from '../entity/entity.mapper';
import type { EntityRecord } from '../entity/entity.record';
import type { Provenance } from '../entity/entity.repository';
import { toTie, tieSources } from '../tie/tie.mapper';
import type { Tie } from '../tie/tie.type';
import type { EdgeRow, GraphRepository, TieRow } from './graph.repository';
import type { NeighborhoodArgs, PathArgs, TiesArgs } from './graph.input';
import { StepDirection, TieConnectionKind } from './graph.type';

/** Most ties a neighborhood returns; the node limit keeps real graphs far below it. */
export const MAX_NEIGHBORHOOD_EDGES = 5000;

export interface TieConnectionObject {
  readonly via: EntityObject | null;
  readonly ties: Tie[];
}

export interface TieConnectionsObject {
  readonly a: EntityObject;
  readonly b: EntityObject;
  readonly connected: boolean;
  readonly groups: { kind: TieConnectionKind; total: number; connections: TieConnectionObject[] }[];
}

export interface PathsObject {
  readonly from: EntityObject;
  readonly to: EntityObject;
  readonly length: number | null;
  readonly paths: { length: number; nodes: EntityObject[]; steps: { tie: Tie; direction: StepDirection }[] }[];
  readonly truncated: boolean;
}

export interface GraphNodeObject {
  readonly id: string;
  readonly type: string;
  readonly label: string;
  readonly depth: number;
  readonly degree: number;
  readonly entity: EntityObject;
}

export interface GraphEdgeObject {
  readonly id: string;
  readonly type: string;
  readonly source: string;
  readonly target: string;
  readonly label: string;
  readonly tie: Tie | null;
  readonly sources: Provenance[];
}

export interface NeighborhoodObject {
  readonly centerId: string;
  readonly nodes: GraphNodeObject[];
  readonly edges: GraphEdgeObject[];
  readonly truncated: boolean;
}

/** The kind of connection a shared neighbour makes, by its entity type (sources never connect). */
const SHARED_KIND: Partial<Record<EntityRecord['__typename'], TieConnectionKind>> = {
  Document: TieConnectionKind.SHARED_DOCUMENT,
  Forum: TieConnectionKind.SHARED_FORUM,
  Organization: TieConnectionKind.SHARED_ORGANIZATION,
  Region: TieConnectionKind.SHARED_REGION,
  Official: TieConnectionKind.SHARED_OFFICIAL,
  Figure: TieConnectionKind.SHARED_FIGURE,
};

const KIND_ORDER = Object.values(TieConnectionKind);

function tieOf(row: TieRow): Tie {
  return toTie(row.type, row.fromId, row.toId, 'out', row.props);
}

/** Ties listed once each, in the order first met (a sector chain can meet one tie from both sides). */
function distinctTies(rows: readonly TieRow[]): Tie[] {
  const seen = new Set<string>();
  const ties: Tie[] = [];
  for (const row of rows) {
    const key = `${row.type}|${row.fromId}|${row.toId}|${row.props.title ?? ''}`;
    if (!seen.has(key)) {
      seen.add(key);
      ties.push(tieOf(row));
    }
  }
  return ties;
}

function edgeLabel(row: EdgeRow): string {
  if (row.type === 'STATED_IN') return row.props.locator || 'stated in';
  if (row.type === 'HOLDS' && row.props.title) return row.props.title;
  if (row.type === 'ATTENDED' && row.props.role) return row.props.role;
  return row.type.toLowerCase().replace(/_/g, ' ');
}

/** A tie (or STATED_IN edge) as a graph view draws it. */
export function toEdge(row: EdgeRow): GraphEdgeObject {
  const key = row.type === 'STATED_IN' ? (row.props.locator ?? '') : (row.props.key ?? '');
  const statedIn = row.type === 'STATED_IN';
  return {
    id: `${row.type}|${row.fromId}|${row.toId}|${key}`,
    type: row.type,
    source: row.fromId,
    target: row.toId,
    label: edgeLabel(row),
    tie: row.type === 'STATED_IN' ? null : toTie(row.type, row.fromId, row.toId, 'out', row.props),
    sources: statedIn
      ? [
          {
            sourceId: row.toId,
            locator: row.props.locator || null,
            quote: row.props.quotes[0] ?? null,
            names: [],
            recordedAt: row.props.recordedAt ?? '',
          },
        ]
      : tieSources(row.props),
  };
}

function requireDistinct(first: string, second: string, field: string, other: string): void {
  if (first === second) throw BadUserInputError.forField(field, `must be another entity than ${other}`);
}

/** Traversals of the graph: what connects two entities, the paths between them, what lies around one. */
export class GraphService {
  constructor(private readonly repository: GraphRepository) {}

  async ties(args: TiesArgs): Promise<TieConnectionsObject> {
    requireDistinct(args.a, args.b, 'b', 'a');
    const row = await this.repository.ties(args.a, args.b, args.limit);
    if (!row?.a) throw new NotFoundError('Entity', args.a);
    if (!row.b) throw new NotFoundError('Entity', args.b);

    const groups = new Map<TieConnectionKind, { total: number; connections: TieConnectionObject[] }>();
    const add = (kind: TieConnectionKind, total: number, connections: TieConnectionObject[]) => {
      if (total > 0) groups.set(kind, { total, connections: connections.slice(0, args.limit) });
    };
    add(
      TieConnectionKind.DIRECT,
      row.direct.length,
      row.direct.map((tie) => ({ via: null, ties: [tieOf(tie)] })),
    );
    const viaConnection = (found: { via: EntityRecord; ties: TieRow[] }) => ({
      via: toEntityObject(found.via),
      ties: distinctTies(found.ties),
    });
    add(TieConnectionKind.ACTED_FOR, row.actedFor.length, row.actedFor.map(viaConnection));
    for (const group of row.shared) {
      const kind = group.connections[0] && SHARED_KIND[group.connections[0].via.__typename];
      if (kind) add(kind, group.total, group.connections.map(viaConnection));
    }
    add(TieConnectionKind.SHARED_SECTOR, row.sectors.length, row.sectors.map(viaConnection));

    return {
      a: toEntityObject(row.a),
      b: toEntityObject(row.b),
      connected: groups.size > 0,
      groups: KIND_ORDER.flatMap((kind) => {
        const group = groups.get(kind);
        return group ? [{ kind, ...group }] : [];
      }),
    };
  }

  async path(args: PathArgs): Promise<PathsObject> {
    requireDistinct(args.from, args.to, 'to', 'from');
    const row = await this.repository.paths(args.from, args.to, args.maxHops, args.limit + 1);
    if (!row?.from) throw new NotFoundError('Entity', args.from);
    if (!row.to) throw new NotFoundError('Entity', args.to);
    const paths = row.paths.slice(0, args.limit).map((path) => ({
      length: path.ties.length,
      nodes: path.nodes.map(toEntityObject),
      steps: path.ties.map((tie, index) => ({
        tie: tieOf(tie),
        direction: tie.fromId === path.nodes[index]?.id ? StepDirection.FORWARD : StepDirection.BACKWARD,
      })),
    }));
    // Which of several equally short paths come back is up to the search; sorting the ones that
    // did by their nodes and ties keeps an answer stable.
    const key = (path: (typeof paths)[number]) =>
      [...path.nodes.map((node) => node.name), ...path.steps.map((step) => step.tie.type)].join('\u0000');
    paths.sort((x, y) => key(x).localeCompare(key(y)));
    return {
      from: toEntityObject(row.from),
      to: toEntityObject(row.to),
      length: paths[0]?.length ?? null,
      paths,
      truncated: row.paths.length > args.limit,
    };
  }

  async neighborhood(args: NeighborhoodArgs): Promise<NeighborhoodObject> {
    const row = await this.repository.neighborhood({
      id: args.id,
      depth: args.depth,
      limit: args.limit,
      includeSources: args.includeSources,
      maxEdges: MAX_NEIGHBORHOOD_EDGES,
    });
    if (!row) throw new NotFoundError('Entity', args.id);
    const nodes = row.nodes
      .map(({ node, depth, degree }) => ({
        id: node.id,
        type: node.__typename,
        label: node.name,
        depth,
        degree,
        entity: toEntityObject(node),
      }))
      .sort((x, y) => x.depth - y.depth || x.label.localeCompare(y.label) || x.id.localeCompare(y.id));
    const edges = row.edges.map(toEdge).sort((x, y) => x.id.localeCompare(y.id));
    return { centerId: args.id, nodes, edges, truncated: row.truncated || row.edgesTruncated };
  }
}
