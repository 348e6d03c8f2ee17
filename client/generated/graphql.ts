/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** How central an entity is in a network (computed on it as an undirected graph). */
export type CentralityMeasure =
  /** On how many shortest paths between two other entities it lies (a pair with k shortest paths adds 1/k for each); not normalised, edges unweighted. */
  | 'BETWEENNESS'
  /** How many other entities it is joined to. */
  | 'DEGREE'
  /** PageRank (damping 0.85, edges weighed); the scores of a network sum to 1. */
  | 'PAGERANK'
  /** The sum of the weights of its edges: ties to each neighbour (TIES), shared documents (PARTIES). */
  | 'WEIGHTED_DEGREE';

/** What a change did to a fact. */
export type ChangeAction =
  | 'CREATED'
  | 'DELETED'
  | 'UPDATED';

/** How precisely a source states a date. */
export type DatePrecision =
  | 'DAY'
  | 'MONTH'
  | 'YEAR';

/** What kind of document; PACKAGE stands for documents a source reports together without listing them. */
export type DocumentKind =
  | 'ACCESSION'
  | 'AGREEMENT'
  | 'AMENDMENT'
  | 'COMMERCIAL_AGREEMENT'
  | 'CONSOLIDATED'
  | 'CONTRACT'
  | 'INTERREGIONAL_AGREEMENT'
  | 'JOINT_STATEMENT'
  | 'MEMORANDUM_OF_UNDERSTANDING'
  | 'OTHER'
  | 'PACKAGE'
  | 'PROTOCOL'
  | 'TRADE_AGREEMENT'
  | 'TREATY'
  | 'WITHDRAWAL';

/** What to group document statistics by. A part of a reported group (PACKAGE) has its group's forum, parties, sectors and sources as well as its own. */
export type DocumentStatsGroupBy =
  /** The forum a document (or its group) was signed at, the edition itself rather than its series; documents signed at no forum are in one row keyed "none". */
  | 'FORUM'
  /** The document kind. */
  | 'KIND'
  /** The month signed, "2023-03"; a date known only to its year is keyed "2023-unknown" (labelled "2023 (month unknown)", after the months of 2023), an unknown date "undated". */
  | 'MONTH'
  /** Each organization a document binds (or its group binds); documents binding none are in no row. */
  | 'ORGANIZATION'
  /** Each region a document binds (or its group binds); with `countries`, as the country it is part of; with `organizationRegions`, also the region each bound organization is BASED_IN. */
  | 'REGION'
  /** Each unordered pair of regions a document binds (or its group binds); a document binding three regions counts in each of its three pairs. Not combined with `thenBy`. */
  | 'REGION_PAIR'
  /** Each side a document's parties take (BINDS role: PARTY, INVESTOR, HOST …); a tie stored without one reads as PARTY. */
  | 'ROLE'
  /** Each sector a document covers, or its group covers; a document in several sectors counts in each of them. */
  | 'SECTOR'
  /** Each source stating the document (or its group). */
  | 'SOURCE'
  /** The year signed ("undated" when the date is unknown). */
  | 'YEAR';

/** The kinds of entity in the graph: `REGION` is the type whose `__typename` is `Region`, and so on. */
export type EntityType =
  | 'DOCUMENT'
  | 'FIGURE'
  | 'FORUM'
  | 'OFFICIAL'
  | 'ORGANIZATION'
  | 'REGION'
  | 'SECTOR'
  | 'SOURCE';

/** What a reported figure measures. */
export type FigureMetric =
  | 'BORDER_LENGTH'
  | 'EXPORTS'
  | 'EXPORT_OFFER'
  | 'IMPORTS'
  | 'INVESTMENT'
  | 'OTHER'
  | 'TRADE_VOLUME';

/** What to group figure statistics by. */
export type FigureStatsGroupBy =
  /** The forum the figure was reported at; figures reported at none are one row keyed "none". */
  | 'FORUM'
  /** What the figure measures (TRADE_VOLUME, EXPORTS …). */
  | 'METRIC'
  /** The period as stated: "2022", "2023-03" or "2023-03-28" ("undated" for none); a year and a month of it are two rows. */
  | 'PERIOD'
  /** Each region the figure concerns (BETWEEN, FROM or TO); with `countries`, as the country it is part of. A figure between two regions counts in both rows. */
  | 'REGION'
  /** Each source stating the figure. */
  | 'SOURCE'
  /** The unit of the value: a currency code, "km", "products" … */
  | 'UNIT'
  /** The year of the period the figure covers ("undated" when it covers none). */
  | 'YEAR';

/** The kinds of edge in a neighborhood: the tie types, and STATED_IN from an entity to its source. */
export type GraphEdgeType =
  /** An official attended a forum, in a role, on behalf of a party */
  | 'ATTENDED'
  /** Where an organization sits */
  | 'BASED_IN'
  /** A party a reported figure concerns */
  | 'BETWEEN'
  /** A party bound by a document, with its side (role: investor or host, lender or borrower, buyer or seller) */
  | 'BINDS'
  /** A sector a document covers */
  | 'COVERS'
  /** Where a reported flow (exports, an offer) comes from */
  | 'FROM'
  /** Two events held alongside each other */
  | 'HELD_ALONGSIDE'
  /** Where a forum took place */
  | 'HELD_IN'
  /** An official holds a position (title, period) in an organization */
  | 'HOLDS'
  /** A party taking part in a forum */
  | 'INVOLVES'
  /** A forum edition belongs to a series */
  | 'IN_SERIES'
  /** A region within a larger region, a body within a larger body, a document within a reported group */
  | 'PART_OF'
  /** The forum at which a figure was stated */
  | 'REPORTED_AT'
  /** An official signed a document on behalf of a party */
  | 'SIGNED'
  /** A document was signed at a forum */
  | 'SIGNED_AT'
  /** The official who stated a figure */
  | 'STATED_BY'
  /** An entity is stated in a source, at a locator */
  | 'STATED_IN'
  /** Where a reported flow goes to */
  | 'TO';

/** How two names were found alike, from the strongest sign of one entity to the weakest. */
export type NameMeasure =
  /** One is the initials of the other’s words ("UAE" / "United Arab Emirates"). */
  | 'ACRONYM'
  /** Initials where the other has whole words ("S. Zhumangarin" / "Serik Zhumangarin"). */
  | 'INITIALS'
  /** Jaro-Winkler similarity (the string-comparison package) of names whose words pair up, some misspelt. */
  | 'JARO_WINKLER'
  /** The same once case, accents and punctuation are folded. */
  | 'SAME_NAME'
  /** The share of the longer name’s words that pair with one of the other’s (equal or misspelt). */
  | 'TOKEN_OVERLAP'
  /** The same once legal forms and connecting words are dropped ("BaoSteel Group" / "Baosteel"). */
  | 'WITHOUT_LEGAL_FORM'
  /** The same words in another order ("Zhumangarin Serik"). */
  | 'WORD_ORDER';

/** Which network a measure is computed on. */
export type NetworkKind =
  /** Regions and organizations, two joined when a document, forum or figure ties both (BINDS, INVOLVES, BETWEEN, FROM, TO), weighing how many documents and events do. */
  | 'PARTIES'
  /** The graph itself: entities joined by their ties (parallel ties are one edge weighing as many ties). */
  | 'TIES';

/** Whether a tie on a path points along the path (from node i to node i+1) or against it. */
export type StepDirection =
  | 'BACKWARD'
  | 'FORWARD';

/** How two entities are connected. */
export type TieConnectionKind =
  /** One signed a document or attended a forum on behalf of the other. */
  | 'ACTED_FOR'
  /** A tie between the two, either way. */
  | 'DIRECT'
  /** A document both signed, both are bound by, or one signed and binds the other. */
  | 'SHARED_DOCUMENT'
  /** A reported figure concerning both (trade between them, a stated offer). */
  | 'SHARED_FIGURE'
  /** A forum both attended, were involved in or hosted. */
  | 'SHARED_FORUM'
  /** An official tied to both (e.g. a signatory of both documents). */
  | 'SHARED_OFFICIAL'
  /** An organization both hold positions in, are part of or are bound with. */
  | 'SHARED_ORGANIZATION'
  /** A region both are based in, part of or tied to. */
  | 'SHARED_REGION'
  /** A sector both are active in: covered by a document each signed, is bound by or is (a part inherits the sectors of its group). */
  | 'SHARED_SECTOR';

/** The kinds of tie between entities. */
export type TieType =
  /** An official attended a forum, in a role, on behalf of a party */
  | 'ATTENDED'
  /** Where an organization sits */
  | 'BASED_IN'
  /** A party a reported figure concerns */
  | 'BETWEEN'
  /** A party bound by a document, with its side (role: investor or host, lender or borrower, buyer or seller) */
  | 'BINDS'
  /** A sector a document covers */
  | 'COVERS'
  /** Where a reported flow (exports, an offer) comes from */
  | 'FROM'
  /** Two events held alongside each other */
  | 'HELD_ALONGSIDE'
  /** Where a forum took place */
  | 'HELD_IN'
  /** An official holds a position (title, period) in an organization */
  | 'HOLDS'
  /** A party taking part in a forum */
  | 'INVOLVES'
  /** A forum edition belongs to a series */
  | 'IN_SERIES'
  /** A region within a larger region, a body within a larger body, a document within a reported group */
  | 'PART_OF'
  /** The forum at which a figure was stated */
  | 'REPORTED_AT'
  /** An official signed a document on behalf of a party */
  | 'SIGNED'
  /** A document was signed at a forum */
  | 'SIGNED_AT'
  /** The official who stated a figure */
  | 'STATED_BY'
  /** Where a reported flow goes to */
  | 'TO';

/** How long the periods of a timeline are. */
export type TimelineGroupBy =
  /** Calendar months ("2023-03"); what is dated only to a year falls in that year's own period ("2023"). */
  | 'MONTH'
  /** Calendar years ("2023"). */
  | 'YEAR';

/** How a source qualifies a number: exactly, about, at least ("over") or at most. */
export type ValueQualifier =
  | 'APPROXIMATE'
  | 'AT_LEAST'
  | 'AT_MOST'
  | 'EXACT';

export type ForumDocumentsQueryVariables = Exact<{
  forum?: string | number;
}>;


export type ForumDocumentsQuery = { forum: { name: string, date: { value: string, precision: DatePrecision } | null, documents: Array<{ kind: DocumentKind, count: number, name: string, title: string | null, value: { amount: number, currency: string, qualifier: ValueQualifier } | null }> } | null };

export type DocumentSectorsQueryVariables = Exact<{
  document?: string | number;
}>;


export type DocumentSectorsQuery = { document: { count: number, sectors: Array<{ name: string }> } | null };

export type ForumAttendanceQueryVariables = Exact<{
  forum?: string | number;
}>;


export type ForumAttendanceQuery = { forum: { attendance: Array<{ role: string | null, from:
        | { name: string }
        | { name: string }
        | { name: string }
        | { name: string, positions: Array<{ title: string | null, to:
              | { name: string }
              | { name: string }
              | { name: string }
              | { name: string }
              | { name: string }
              | { name: string }
              | { name: string }
              | { name: string }
             }> }
        | { name: string }
        | { name: string }
        | { name: string }
        | { name: string }
      , onBehalfOf:
        | { name: string }
        | { name: string }
       | null }> } | null };

export type ExportOffersQueryVariables = Exact<{ [key: string]: never; }>;


export type ExportOffersQuery = { figures: { nodes: Array<{ value: number, unit: string, qualifier: ValueQualifier, itemCount: number | null, items: Array<string>, from:
        | { name: string }
        | Record<PropertyKey, never>
       | null, to:
        | { name: string }
        | Record<PropertyKey, never>
       | null, statedBy: { name: string } | null }> } };

export type TradeFiguresQueryVariables = Exact<{
  region?: string | number;
  year?: string;
}>;


export type TradeFiguresQuery = { figures: { nodes: Array<{ name: string, metric: FigureMetric, value: number, unit: string, changePercent: number | null, changeFactor: number | null, sources: Array<{ sourceId: string, locator: string | null }> }> } };

export type ForumSigningsQueryVariables = Exact<{
  forum?: string | number;
  first?: number;
}>;


export type ForumSigningsQuery = { signings: { totalCount: number, nodes: Array<{ signatory: { name: string }, onBehalfOf:
        | { name: string }
        | { name: string }
       | null, document: { kind: DocumentKind, name: string, signedOn: { value: string } | null }, counterparts: Array<{ signatory: { name: string } }> }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ShortestPathQueryVariables = Exact<{
  from?: string | number;
  to?: string | number;
  maxHops?: number;
}>;


export type ShortestPathQuery = { path: { length: number | null, truncated: boolean, paths: Array<{ nodes: Array<
        | { __typename: 'Document', name: string }
        | { __typename: 'Figure', name: string }
        | { __typename: 'Forum', name: string }
        | { __typename: 'Official', name: string }
        | { __typename: 'Organization', name: string }
        | { __typename: 'Region', name: string }
        | { __typename: 'Sector', name: string }
        | { __typename: 'Source', name: string }
      >, steps: Array<{ direction: StepDirection, tie: { type: TieType, role: string | null, title: string | null } }> }> } };

export type TiesBetweenQueryVariables = Exact<{
  a?: string | number;
  b?: string | number;
  limit?: number;
}>;


export type TiesBetweenQuery = { ties: { connected: boolean, groups: Array<{ kind: TieConnectionKind, total: number, connections: Array<{ via:
          | { __typename: 'Document', name: string }
          | { __typename: 'Figure', name: string }
          | { __typename: 'Forum', name: string }
          | { __typename: 'Official', name: string }
          | { __typename: 'Organization', name: string }
          | { __typename: 'Region', name: string }
          | { __typename: 'Sector', name: string }
          | { __typename: 'Source', name: string }
         | null, ties: Array<{ type: TieType, fromId: string, toId: string, sources: Array<{ sourceId: string, locator: string | null }> }> }> }> } };

export type NeighborhoodQueryVariables = Exact<{
  id?: string | number;
  depth?: number;
  limit?: number;
}>;


export type NeighborhoodQuery = { neighborhood: { truncated: boolean, nodes: Array<{ id: string, type: EntityType, label: string, depth: number, degree: number }>, edges: Array<{ type: GraphEdgeType, source: string, target: string, label: string }> } };

export type DocumentsByKindQueryVariables = Exact<{
  forum?: string | number;
  groupBy?: DocumentStatsGroupBy;
}>;


export type DocumentsByKindQuery = { documentStats: { rows: Array<{ key: string, label: string, documentCount: number, totalValue: Array<{ currency: string, amount: number, exact: boolean }> }>, total: { documentCount: number } } };

export type RegionHistoryQueryVariables = Exact<{
  id?: string | number;
  first?: number;
}>;


export type RegionHistoryQuery = { history: { nodes: Array<{ id: string, at: string, operation: string, sourceId: string | null, entities: Array<{ id: string, action: ChangeAction, properties: Array<{ property: string, before: unknown, after: unknown }> }>, ties: Array<{ type: string, from: string, to: string, action: ChangeAction }> }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type XinjiangChangesQueryVariables = Exact<{
  region?: string | number;
  first?: number;
}>;


export type XinjiangChangesQuery = { changes: { totalCount: number, nodes: Array<{ id: string, at: string, operation: string, sourceId: string | null, revertOf: string | null }> } };

export type CentralIn2023QueryVariables = Exact<{
  measure?: CentralityMeasure;
  from?: string | null | undefined;
  to?: string | null | undefined;
  first?: number;
}>;


export type CentralIn2023Query = { centrality: { rankedCount: number, subgraph: { network: NetworkKind, nodeCount: number, edgeCount: number, filter: { from: string | null, to: string | null } }, scores: Array<{ rank: number, score: number, degree: number, entity:
        | { __typename: 'Document', id: string, name: string }
        | { __typename: 'Figure', id: string, name: string }
        | { __typename: 'Forum', id: string, name: string }
        | { __typename: 'Official', id: string, name: string }
        | { __typename: 'Organization', id: string, name: string }
        | { __typename: 'Region', id: string, name: string }
        | { __typename: 'Sector', id: string, name: string }
        | { __typename: 'Source', id: string, name: string }
       }> } };

export type CommunitiesQueryVariables = Exact<{
  network?: NetworkKind;
  first?: number;
}>;


export type CommunitiesQuery = { communities: { modularity: number, count: number, subgraph: { nodeCount: number, edgeCount: number }, communities: Array<{ id: number, size: number, nodesByType: Array<{ type: EntityType, count: number }>, members: Array<{ degreeWithin: number, entity:
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
         }> }> } };

export type KazakhstanEgoNetworkQueryVariables = Exact<{
  id?: string | number;
  depth?: number;
  from?: string | null | undefined;
}>;


export type KazakhstanEgoNetworkQuery = { egoNetwork: { density: number, subgraph: { nodeCount: number, edgeCount: number }, nodes: Array<{ id: string, type: EntityType, label: string, depth: number, degree: number }>, edges: Array<{ type: GraphEdgeType, source: string, target: string }> } };

export type KazakhstanChinaTimelineQueryVariables = Exact<{
  id?: string | number;
  counterpart?: string | number | null | undefined;
  groupBy?: TimelineGroupBy;
}>;


export type KazakhstanChinaTimelineQuery = { timeline: { periods: Array<{ key: string, forumCount: number, figureCount: number, newCounterpartCount: number, documents: { documentCount: number, totalValue: Array<{ currency: string, amount: number, exact: boolean }> }, forums: Array<{ name: string }>, figures: Array<{ name: string, metric: FigureMetric, value: number, unit: string }>, newCounterparts: Array<
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
      > }> } };

export type DuplicateOrganizationsQueryVariables = Exact<{
  type?: EntityType;
  minScore?: number;
  first?: number;
}>;


export type DuplicateOrganizationsQuery = { duplicateCandidates: { totalCount: number, nodes: Array<{ score: number, left:
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
       | null, right:
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
       | null, reasons: Array<
        | { __typename: 'DifferentCode', field: string, left: string, right: string, weight: number }
        | { __typename: 'DifferentKind', weight: number }
        | { __typename: 'DifferentNumber', weight: number }
        | { __typename: 'DifferentTerms', weight: number }
        | { __typename: 'DifferentYear', weight: number }
        | { __typename: 'NameSimilarity', measure: NameMeasure, similarity: number, leftName: string, rightName: string, weight: number }
        | { __typename: 'SameCode', weight: number }
        | { __typename: 'SharedName', weight: number }
        | { __typename: 'SharedNeighbour', weight: number, neighbour:
            | { id: string, name: string }
            | { id: string, name: string }
            | { id: string, name: string }
            | { id: string, name: string }
            | { id: string, name: string }
            | { id: string, name: string }
            | { id: string, name: string }
            | { id: string, name: string }
           | null }
      > }>, work: { entities: number, comparisons: number, capped: boolean }, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type TradeFiguresByYearQueryVariables = Exact<{
  groupBy?: FigureStatsGroupBy;
  thenBy?: FigureStatsGroupBy | null | undefined;
  metrics?: Array<FigureMetric> | FigureMetric | null | undefined;
}>;


export type TradeFiguresByYearQuery = { figureStats: { rows: Array<{ key: string, label: string, figureCount: number, values: Array<{ unit: string, sum: number, min: number, max: number, exact: boolean }> }>, total: { figureCount: number } } };

export type DocumentsBySectorQueryVariables = Exact<{
  forum?: string | number;
}>;


export type DocumentsBySectorQuery = { documentStats: { rows: Array<{ key: string, label: string, documentCount: number, shared: boolean }>, total: { documentCount: number } } };


export const ForumDocumentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ForumDocuments"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"forum"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},"defaultValue":{"kind":"StringValue","value":"forum:kz-xuar-cross-border-dialogue-2","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"forum"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"forum"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"date"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"precision"}}]}},{"kind":"Field","name":{"kind":"Name","value":"documents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"qualifier"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ForumDocumentsQuery, ForumDocumentsQueryVariables>;
export const DocumentSectorsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DocumentSectors"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"document"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},"defaultValue":{"kind":"StringValue","value":"doc:kz-xuar-dialogue-2-documents","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"document"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"document"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"sectors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<DocumentSectorsQuery, DocumentSectorsQueryVariables>;
export const ForumAttendanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ForumAttendance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"forum"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},"defaultValue":{"kind":"StringValue","value":"forum:kz-xuar-cross-border-dialogue-2","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"forum"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"forum"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attendance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"from"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Official"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"positions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"to"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"onBehalfOf"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Region"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Organization"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ForumAttendanceQuery, ForumAttendanceQueryVariables>;
export const ExportOffersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExportOffers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"figures"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"metric"},"value":{"kind":"EnumValue","value":"EXPORT_OFFER"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"qualifier"}},{"kind":"Field","name":{"kind":"Name","value":"itemCount"}},{"kind":"Field","name":{"kind":"Name","value":"items"}},{"kind":"Field","name":{"kind":"Name","value":"from"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Region"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"to"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Region"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"statedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ExportOffersQuery, ExportOffersQueryVariables>;
export const TradeFiguresDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TradeFigures"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"region"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},"defaultValue":{"kind":"StringValue","value":"region:kz","block":false}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},"defaultValue":{"kind":"StringValue","value":"2022","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"figures"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"region"},"value":{"kind":"Variable","name":{"kind":"Name","value":"region"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"dateFrom"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"dateTo"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"EnumValue","value":"VALUE_DESC"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"metric"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"changePercent"}},{"kind":"Field","name":{"kind":"Name","value":"changeFactor"}},{"kind":"Field","name":{"kind":"Name","value":"sources"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sourceId"}},{"kind":"Field","name":{"kind":"Name","value":"locator"}}]}}]}}]}}]}}]} as unknown as DocumentNode<TradeFiguresQuery, TradeFiguresQueryVariables>;
export const ForumSigningsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ForumSignings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"forum"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},"defaultValue":{"kind":"StringValue","value":"forum:kz-xuar-cross-border-dialogue-2","block":false}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},"defaultValue":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"forum"},"value":{"kind":"Variable","name":{"kind":"Name","value":"forum"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signatory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"onBehalfOf"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Region"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Organization"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"document"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"signedOn"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"counterparts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signatory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<ForumSigningsQuery, ForumSigningsQueryVariables>;
export const ShortestPathDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ShortestPath"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},"defaultValue":{"kind":"StringValue","value":"official:ma-xingrui","block":false}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},"defaultValue":{"kind":"StringValue","value":"official:serik-zhumangarin","block":false}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"maxHops"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},"defaultValue":{"kind":"IntValue","value":"4"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"maxHops"},"value":{"kind":"Variable","name":{"kind":"Name","value":"maxHops"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"length"}},{"kind":"Field","name":{"kind":"Name","value":"truncated"}},{"kind":"Field","name":{"kind":"Name","value":"paths"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"steps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"tie"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ShortestPathQuery, ShortestPathQueryVariables>;
export const TiesBetweenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TiesBetween"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"a"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},"defaultValue":{"kind":"StringValue","value":"official:serik-zhumangarin","block":false}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"b"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},"defaultValue":{"kind":"StringValue","value":"region:kz","block":false}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},"defaultValue":{"kind":"IntValue","value":"3"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ties"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"a"},"value":{"kind":"Variable","name":{"kind":"Name","value":"a"}}},{"kind":"Argument","name":{"kind":"Name","value":"b"},"value":{"kind":"Variable","name":{"kind":"Name","value":"b"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"connected"}},{"kind":"Field","name":{"kind":"Name","value":"groups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"connections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"via"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ties"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"fromId"}},{"kind":"Field","name":{"kind":"Name","value":"toId"}},{"kind":"Field","name":{"kind":"Name","value":"sources"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sourceId"}},{"kind":"Field","name":{"kind":"Name","value":"locator"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<TiesBetweenQuery, TiesBetweenQueryVariables>;
export const NeighborhoodDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Neighborhood"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},"defaultValue":{"kind":"StringValue","value":"region:cn-xj","block":false}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"depth"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},"defaultValue":{"kind":"IntValue","value":"2"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},"defaultValue":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"neighborhood"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"depth"},"value":{"kind":"Variable","name":{"kind":"Name","value":"depth"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"truncated"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"depth"}},{"kind":"Field","name":{"kind":"Name","value":"degree"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}}]}}]} as unknown as DocumentNode<NeighborhoodQuery, NeighborhoodQueryVariables>;
export const DocumentsByKindDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DocumentsByKind"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"forum"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},"defaultValue":{"kind":"StringValue","value":"forum:kz-xuar-cross-border-dialogue-2","block":false}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DocumentStatsGroupBy"}}},"defaultValue":{"kind":"EnumValue","value":"KIND"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"documentStats"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"forum"},"value":{"kind":"Variable","name":{"kind":"Name","value":"forum"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"documentCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalValue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"exact"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"documentCount"}}]}}]}}]}}]} as unknown as DocumentNode<DocumentsByKindQuery, DocumentsByKindQueryVariables>;
export const RegionHistoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RegionHistory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},"defaultValue":{"kind":"StringValue","value":"region:cn-xj","block":false}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},"defaultValue":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"history"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"operation"}},{"kind":"Field","name":{"kind":"Name","value":"sourceId"}},{"kind":"Field","name":{"kind":"Name","value":"entities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"properties"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"property"}},{"kind":"Field","name":{"kind":"Name","value":"before"}},{"kind":"Field","name":{"kind":"Name","value":"after"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"ties"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"action"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<RegionHistoryQuery, RegionHistoryQueryVariables>;
export const XinjiangChangesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"XinjiangChanges"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"region"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},"defaultValue":{"kind":"StringValue","value":"region:cn-xj","block":false}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},"defaultValue":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"region"},"value":{"kind":"Variable","name":{"kind":"Name","value":"region"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"operation"}},{"kind":"Field","name":{"kind":"Name","value":"sourceId"}},{"kind":"Field","name":{"kind":"Name","value":"revertOf"}}]}}]}}]}}]} as unknown as DocumentNode<XinjiangChangesQuery, XinjiangChangesQueryVariables>;
export const CentralIn2023Document = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CentralIn2023"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"measure"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CentralityMeasure"}}},"defaultValue":{"kind":"EnumValue","value":"PAGERANK"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}},"defaultValue":{"kind":"StringValue","value":"2023","block":false}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}},"defaultValue":{"kind":"StringValue","value":"2023","block":false}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},"defaultValue":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"centrality"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"measure"},"value":{"kind":"Variable","name":{"kind":"Name","value":"measure"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"period"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subgraph"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"network"}},{"kind":"Field","name":{"kind":"Name","value":"nodeCount"}},{"kind":"Field","name":{"kind":"Name","value":"edgeCount"}},{"kind":"Field","name":{"kind":"Name","value":"filter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"rankedCount"}},{"kind":"Field","name":{"kind":"Name","value":"scores"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"degree"}},{"kind":"Field","name":{"kind":"Name","value":"entity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CentralIn2023Query, CentralIn2023QueryVariables>;
export const CommunitiesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Communities"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"network"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"NetworkKind"}}},"defaultValue":{"kind":"EnumValue","value":"TIES"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},"defaultValue":{"kind":"IntValue","value":"3"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"communities"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"network"},"value":{"kind":"Variable","name":{"kind":"Name","value":"network"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"modularity"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"subgraph"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodeCount"}},{"kind":"Field","name":{"kind":"Name","value":"edgeCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"communities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"nodesByType"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"members"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"degreeWithin"}},{"kind":"Field","name":{"kind":"Name","value":"entity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CommunitiesQuery, CommunitiesQueryVariables>;
export const KazakhstanEgoNetworkDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"KazakhstanEgoNetwork"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},"defaultValue":{"kind":"StringValue","value":"region:kz","block":false}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"depth"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},"defaultValue":{"kind":"IntValue","value":"1"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}},"defaultValue":{"kind":"StringValue","value":"2023","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"egoNetwork"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"depth"},"value":{"kind":"Variable","name":{"kind":"Name","value":"depth"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"period"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"density"}},{"kind":"Field","name":{"kind":"Name","value":"subgraph"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodeCount"}},{"kind":"Field","name":{"kind":"Name","value":"edgeCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"depth"}},{"kind":"Field","name":{"kind":"Name","value":"degree"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"target"}}]}}]}}]}}]} as unknown as DocumentNode<KazakhstanEgoNetworkQuery, KazakhstanEgoNetworkQueryVariables>;
export const KazakhstanChinaTimelineDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"KazakhstanChinaTimeline"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},"defaultValue":{"kind":"StringValue","value":"region:kz","block":false}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"counterpart"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}},"defaultValue":{"kind":"StringValue","value":"region:cn","block":false}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TimelineGroupBy"}}},"defaultValue":{"kind":"EnumValue","value":"YEAR"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"timeline"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"counterpart"},"value":{"kind":"Variable","name":{"kind":"Name","value":"counterpart"}}},{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"periods"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"documents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"documentCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalValue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"exact"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"forumCount"}},{"kind":"Field","name":{"kind":"Name","value":"forums"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"figureCount"}},{"kind":"Field","name":{"kind":"Name","value":"figures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"metric"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}}]}},{"kind":"Field","name":{"kind":"Name","value":"newCounterpartCount"}},{"kind":"Field","name":{"kind":"Name","value":"newCounterparts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<KazakhstanChinaTimelineQuery, KazakhstanChinaTimelineQueryVariables>;
export const DuplicateOrganizationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DuplicateOrganizations"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"type"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EntityType"}}},"defaultValue":{"kind":"EnumValue","value":"ORGANIZATION"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"minScore"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Float"}}},"defaultValue":{"kind":"FloatValue","value":"0.8"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},"defaultValue":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"duplicateCandidates"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"type"},"value":{"kind":"Variable","name":{"kind":"Name","value":"type"}}},{"kind":"Argument","name":{"kind":"Name","value":"minScore"},"value":{"kind":"Variable","name":{"kind":"Name","value":"minScore"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"left"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"right"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reasons"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NameSimilarity"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"measure"}},{"kind":"Field","name":{"kind":"Name","value":"similarity"}},{"kind":"Field","name":{"kind":"Name","value":"leftName"}},{"kind":"Field","name":{"kind":"Name","value":"rightName"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SharedNeighbour"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"neighbour"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DifferentCode"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"left"}},{"kind":"Field","name":{"kind":"Name","value":"right"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"work"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"entities"}},{"kind":"Field","name":{"kind":"Name","value":"comparisons"}},{"kind":"Field","name":{"kind":"Name","value":"capped"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<DuplicateOrganizationsQuery, DuplicateOrganizationsQueryVariables>;
export const TradeFiguresByYearDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TradeFiguresByYear"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"FigureStatsGroupBy"}}},"defaultValue":{"kind":"EnumValue","value":"METRIC"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"thenBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"FigureStatsGroupBy"}},"defaultValue":{"kind":"EnumValue","value":"YEAR"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"metrics"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"FigureMetric"}}}},"defaultValue":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"TRADE_VOLUME"},{"kind":"EnumValue","value":"EXPORTS"},{"kind":"EnumValue","value":"IMPORTS"}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"figureStats"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"thenBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"thenBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"metrics"},"value":{"kind":"Variable","name":{"kind":"Name","value":"metrics"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"EnumValue","value":"KEY_ASC"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"figureCount"}},{"kind":"Field","name":{"kind":"Name","value":"values"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"sum"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}},{"kind":"Field","name":{"kind":"Name","value":"exact"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"figureCount"}}]}}]}}]}}]} as unknown as DocumentNode<TradeFiguresByYearQuery, TradeFiguresByYearQueryVariables>;
export const DocumentsBySectorDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DocumentsBySector"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"forum"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},"defaultValue":{"kind":"StringValue","value":"forum:kz-xuar-cross-border-dialogue-2","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"documentStats"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"EnumValue","value":"SECTOR"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"forum"},"value":{"kind":"Variable","name":{"kind":"Name","value":"forum"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"documentCount"}},{"kind":"Field","name":{"kind":"Name","value":"shared"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"documentCount"}}]}}]}}]}}]} as unknown as DocumentNode<DocumentsBySectorQuery, DocumentsBySectorQueryVariables>;