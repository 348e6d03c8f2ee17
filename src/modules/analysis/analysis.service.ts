import { UndirectedGraph } from 'graphology';
import louvain from 'graphology-communities-louvain';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness';
import pagerank from 'graphology-metrics/centrality/pagerank';
import { density } from 'graphology-metrics/graph/density';
import { weightedDegree } from 'graphology-metrics/node/weighted-degree';

import type { AnalysisLimits } from '../../config';
import { BadUserInputError, InternalError, NotFoundError, TimeoutError, TooComplexError } from '../../errors';
import { toIsoEnd, toIsoStart } from '../../graphql/partial-date';
import { entityTypeOfId } from '../entity/entity.ids';
import { type EntityObject, toEntityObject } from '../entity/entity.mapper';
import { type EntityType, TIE_TYPES, type TieType } from '../entity/entity.model';
import { type GraphEdgeObject, MAX_NEIGHBORHOOD_EDGES, toEdge } from '../graph/graph.service';
import {
  CentralityMeasure,
  type CentralityArgs,
  type CommunitiesArgs,
  type EgoNetworkArgs,
  type NetworkFilter,
  NetworkKind,
} from './analysis.input';
import { PARTY_TIES } from './analysis.model';
import type { AnalysisRepository, NetworkEdgeRow, NetworkParams } from './analysis.repository';

export interface SubgraphObject {
  readonly network: NetworkKind;
  readonly filter: {
    readonly from: string | null;
    readonly to: string | null;
    readonly region: string | null;
    readonly sector: string | null;
    readonly tieTypes: readonly TieType[];
  };
  readonly nodeCount: number;
  readonly edgeCount: number;
  readonly totalWeight: number;
  readonly nodesByType: { type: EntityType; count: number }[];
}

/** Entities are loaded by the field resolver, all of an answer's at once. */
export interface CentralityScoreObject {
  readonly rank: number;
  readonly score: number;
  readonly degree: number;
  readonly entityId: string;
}

export interface CentralityObject {
  readonly measure: CentralityMeasure;
  readonly type: EntityType | null;
  readonly subgraph: SubgraphObject;
  readonly rankedCount: number;
  readonly scores: CentralityScoreObject[];
}

export interface CommunityMemberObject {
  readonly degree: number;
  readonly degreeWithin: number;
  readonly entityId: string;
}

export interface CommunityObject {
  readonly id: number;
  readonly size: number;
  readonly internalEdges: number;
  readonly nodesByType: { type: EntityType; count: number }[];
  /** Every member, most joined within first; `members(first)` returns the first ones. */
  readonly members: CommunityMemberObject[];
}

export interface CommunitiesObject {
  readonly subgraph: SubgraphObject;
  readonly modularity: number;
  readonly count: number;
  readonly communities: CommunityObject[];
}

export interface EgoNetworkObject {
  readonly centerId: string;
  readonly depth: number;
  readonly subgraph: SubgraphObject;
  readonly density: number;
  readonly nodes: {
    id: string;
    type: string;
    label: string;
    depth: number;
    degree: number;
    totalDegree: number;
    entity: EntityObject;
  }[];
  readonly edges: GraphEdgeObject[];
  readonly truncated: boolean;
}

interface NodeAttributes {
  type: EntityType;
}
interface EdgeAttributes {
  weight: number;
}
type Network = UndirectedGraph<NodeAttributes, EdgeAttributes>;

/** The earliest and latest ISO dates, for a period open at one end. */
const DAWN = '0000-01-01';
const DUSK = '9999-12-31';

const PARTY_TYPES: readonly EntityType[] = ['Region', 'Organization'];

/** The filter of a network as its statements take it, checked. */
function toParams(kind: NetworkKind, filter: NetworkFilter | null | undefined): NetworkParams {
  const usable = kind === NetworkKind.PARTIES ? PARTY_TIES : TIE_TYPES;
  const asked = filter?.tieTypes ?? null;
  if (asked !== null && asked.length === 0) {
    throw BadUserInputError.forField('filter.tieTypes', 'name at least one tie type, or leave it out for all');
  }
  const types = asked === null ? [...usable] : usable.filter((type) => asked.includes(type));
  if (types.length === 0) {
    throw BadUserInputError.forField(
      'filter.tieTypes',
      `the PARTIES network joins parties through ${PARTY_TIES.join(', ')}: name at least one of them`,
    );
  }
  const period = filter?.period;
  const bounded = Boolean(period?.from || period?.to);
  const from = bounded ? (period?.from ? toIsoStart(period.from) : DAWN) : null;
  const to = bounded ? (period?.to ? toIsoEnd(period.to) : DUSK) : null;
  if (from !== null && to !== null && from > to) {
    throw BadUserInputError.forField('filter.period.to', `must not end before the period starts (${from})`);
  }
  return { from, to, region: filter?.region ?? null, sector: filter?.sector ?? null, types };
}

function appliedFilter(params: NetworkParams): SubgraphObject['filter'] {
  return {
    from: params.from === DAWN ? null : params.from,
    to: params.to === DUSK ? null : params.to,
    region: params.region,
    sector: params.sector,
    tieTypes: params.types,
  };
}

/** One undirected edge per pair joined, weighing the ties (or shared events) between them; added in id order. */
function buildNetwork(rows: readonly NetworkEdgeRow[]): Network {
  const types = new Map<string, EntityType>();
  const weights = new Map<string, { source: string; target: string; weight: number }>();
  const typeOf = (id: string): EntityType => {
    const type = entityTypeOfId(id);
    if (!type) throw new InternalError(`The network holds "${id}", which names no entity type`);
    return type;
  };
  for (const row of rows) {
    if (row.source === row.target) continue;
    if (!types.has(row.source)) types.set(row.source, typeOf(row.source));
    if (!types.has(row.target)) types.set(row.target, typeOf(row.target));
    const [source, target] = row.source < row.target ? [row.source, row.target] : [row.target, row.source];
    const key = `${source}\u0000${target}`;
    const edge = weights.get(key);
    if (edge) edge.weight += row.weight;
    else weights.set(key, { source, target, weight: row.weight });
  }
  const graph: Network = new UndirectedGraph();
  for (const id of [...types.keys()].sort()) graph.addNode(id, { type: types.get(id) as EntityType });
  for (const key of [...weights.keys()].sort()) {
    const edge = weights.get(key) as { source: string; target: string; weight: number };
    graph.addEdge(edge.source, edge.target, { weight: edge.weight });
  }
  return graph;
}

function countByType(graph: Network, nodes: Iterable<string> = graph.nodes()): { type: EntityType; count: number }[] {
  const counts = new Map<EntityType, number>();
  for (const node of nodes) {
    const type = graph.getNodeAttribute(node, 'type');
    counts.set(type, (counts.get(type) ?? 0) + 1);
  }
  return [...counts.entries()].sort(([x], [y]) => x.localeCompare(y)).map(([type, count]) => ({ type, count }));
}

function describe(graph: Network, network: NetworkKind, params: NetworkParams): SubgraphObject {
  let totalWeight = 0;
  graph.forEachEdge((_edge, attributes) => {
    totalWeight += attributes.weight;
  });
  return {
    network,
    filter: appliedFilter(params),
    nodeCount: graph.order,
    edgeCount: graph.size,
    totalWeight,
    nodesByType: countByType(graph),
  };
}

/** The measure of every entity of the network. */
function scoresOf(graph: Network, measure: CentralityMeasure): Record<string, number> {
  if (graph.order === 0) return {};
  switch (measure) {
    case CentralityMeasure.DEGREE:
      return Object.fromEntries(graph.mapNodes((node) => [node, graph.degree(node)]));
    case CentralityMeasure.WEIGHTED_DEGREE:
      return Object.fromEntries(graph.mapNodes((node) => [node, weightedDegree(graph, node, 'weight')]));
    case CentralityMeasure.PAGERANK:
      return pagerank(graph, { getEdgeWeight: 'weight', maxIterations: 1000 });
    case CentralityMeasure.BETWEENNESS:
      return betweennessCentrality(graph, { getEdgeWeight: null, normalized: false });
  }
}

/** Network measures over a filtered part of the graph, within the configured bounds. */
export class AnalysisService {
  constructor(
    private readonly repository: AnalysisRepository,
    private readonly limits: AnalysisLimits,
  ) {}

  async centrality(args: CentralityArgs): Promise<CentralityObject> {
    if (args.network === NetworkKind.PARTIES && args.type && !PARTY_TYPES.includes(args.type)) {
      throw BadUserInputError.forField('type', 'the PARTIES network holds regions and organizations only');
    }
    const budget = this.startBudget();
    const { graph, subgraph } = await this.network(args.network, args.filter, budget);
    if (args.measure === CentralityMeasure.BETWEENNESS) {
      const work = graph.order * graph.size;
      if (work > this.limits.maxBetweennessWork) {
        throw new TooComplexError(
          `Betweenness over ${graph.order} entities and ${graph.size} edges is ${work} steps, over the limit of ` +
            `${this.limits.maxBetweennessWork} (ANALYSIS_BETWEENNESS_WORK): narrow the filter`,
          { bound: 'betweennessWork', limit: this.limits.maxBetweennessWork, actual: work },
        );
      }
    }
    budget.check('computing');
    const scores = scoresOf(graph, args.measure);
    const ranked = graph
      .filterNodes((_node, attributes) => !args.type || attributes.type === args.type)
      .map((node) => ({ node, score: scores[node] ?? 0 }))
      .sort((x, y) => y.score - x.score || (x.node < y.node ? -1 : 1));
    let rank = 0;
    const top = ranked.slice(0, args.first).map((entry, index) => {
      if (index === 0 || entry.score !== ranked[index - 1]?.score) rank = index + 1;
      return { rank, score: entry.score, degree: graph.degree(entry.node), entityId: entry.node };
    });
    return { measure: args.measure, type: args.type ?? null, subgraph, rankedCount: ranked.length, scores: top };
  }

  async communities(args: CommunitiesArgs): Promise<CommunitiesObject> {
    const budget = this.startBudget();
    const { graph, subgraph } = await this.network(args.network, args.filter, budget);
    if (graph.size === 0) return { subgraph, modularity: 0, count: 0, communities: [] };
    budget.check('computing');
    // In node order, not at random, so one graph always divides the same way.
    const found = louvain.detailed(graph, { getEdgeWeight: 'weight', randomWalk: false, resolution: 1 });
    const byCommunity = new Map<number, string[]>();
    graph.forEachNode((node) => {
      const community = found.communities[node] ?? -1;
      byCommunity.set(community, [...(byCommunity.get(community) ?? []), node]);
    });
    const groups = [...byCommunity.values()].sort(
      (x, y) => y.length - x.length || ((x[0] ?? '') < (y[0] ?? '') ? -1 : 1),
    );
    const communityOf = new Map<string, number>();
    groups.forEach((members, index) => members.forEach((node) => communityOf.set(node, index + 1)));
    const internal = new Map<number, number>();
    graph.forEachEdge((_edge, _attributes, source, target) => {
      const community = communityOf.get(source);
      if (community !== undefined && community === communityOf.get(target)) {
        internal.set(community, (internal.get(community) ?? 0) + 1);
      }
    });
    const communities = groups.slice(0, args.first).map((members, index): CommunityObject => {
      const id = index + 1;
      const degreeWithin = (node: string) =>
        graph.filterNeighbors(node, (other) => communityOf.get(other) === id).length;
      return {
        id,
        size: members.length,
        internalEdges: internal.get(id) ?? 0,
        nodesByType: countByType(graph, members),
        members: members
          .map((node) => ({ entityId: node, degree: graph.degree(node), degreeWithin: degreeWithin(node) }))
          .sort((x, y) => y.degreeWithin - x.degreeWithin || y.degree - x.degree || (x.entityId < y.entityId ? -1 : 1)),
      };
    });
    return { subgraph, modularity: found.modularity, count: groups.length, communities };
  }

  async egoNetwork(args: EgoNetworkArgs): Promise<EgoNetworkObject> {
    const params = toParams(NetworkKind.TIES, args.filter);
    const row = await this.repository.ego({
      id: args.id,
      depth: args.depth,
      limit: args.limit,
      maxEdges: MAX_NEIGHBORHOOD_EDGES,
      params,
    });
    if (!row) throw new NotFoundError('Entity', args.id);
    const graph = buildNetwork(row.edges.map((edge) => ({ source: edge.fromId, target: edge.toId, weight: 1 })));
    // Entities the walk reached whose ties to the others are all left out still belong to it.
    for (const { node } of row.nodes) {
      if (!graph.hasNode(node.id)) graph.addNode(node.id, { type: node.__typename });
    }
    const nodes = row.nodes
      .map(({ node, depth, degree }) => ({
        id: node.id,
        type: node.__typename,
        label: node.name,
        depth,
        degree: graph.degree(node.id),
        totalDegree: degree,
        entity: toEntityObject(node),
      }))
      .sort((x, y) => x.depth - y.depth || x.label.localeCompare(y.label) || x.id.localeCompare(y.id));
    return {
      centerId: args.id,
      depth: args.depth,
      subgraph: describe(graph, NetworkKind.TIES, params),
      density: graph.order < 2 ? 0 : density(graph),
      nodes,
      edges: row.edges.map(toEdge).sort((x, y) => x.id.localeCompare(y.id)),
      truncated: row.truncated || row.edgesTruncated,
    };
  }

  /** The network of a request, read and built within the limits. */
  private async network(
    kind: NetworkKind,
    filter: NetworkFilter | null | undefined,
    budget: Budget,
  ): Promise<{ graph: Network; subgraph: SubgraphObject }> {
    const params = toParams(kind, filter);
    let rows: NetworkEdgeRow[];
    try {
      rows = await this.repository.network(kind, params, this.limits.maxEdges + 1, budget.remaining());
    } catch (error) {
      if (error instanceof TimeoutError) budget.exceeded('reading the network');
      throw error;
    }
    if (rows.length > this.limits.maxEdges) {
      throw new TooComplexError(
        `The network has more than ${this.limits.maxEdges} ${kind === NetworkKind.TIES ? 'ties' : 'pairs of parties'} ` +
          '(ANALYSIS_MAX_EDGES): narrow the filter (a period, a region, a sector or fewer tie types)',
        { bound: 'edges', limit: this.limits.maxEdges },
      );
    }
    const graph = buildNetwork(rows);
    if (graph.order > this.limits.maxNodes) {
      throw new TooComplexError(
        `The network has ${graph.order} entities, over the limit of ${this.limits.maxNodes} (ANALYSIS_MAX_NODES): ` +
          'narrow the filter',
        { bound: 'nodes', limit: this.limits.maxNodes, actual: graph.order },
      );
    }
    budget.check('building the network');
    return { graph, subgraph: describe(graph, kind, params) };
  }

  private startBudget(): Budget {
    return new Budget(this.limits.timeBudgetMs);
  }
}

/** The time one measure may take, reading and computing together. */
class Budget {
  private readonly deadline: number;

  constructor(private readonly ms: number) {
    this.deadline = performance.now() + ms;
  }

  /** What is left for the next statement; at least 1 ms, as Neo4j takes no zero timeout. */
  remaining(): number {
    return Math.max(1, Math.floor(this.deadline - performance.now()));
  }

  /** Refuses to go on once the budget is spent. */
  check(step: string): void {
    if (performance.now() > this.deadline) this.exceeded(step);
  }

  exceeded(step: string): never {
    throw new TooComplexError(
      `The measure ran out of its ${this.ms} ms budget (ANALYSIS_TIME_BUDGET_MS) while ${step}: narrow the filter`,
      { bound: 'timeBudgetMs', limit: this.ms },
    );
  }
}
