import { z } from 'zod';

import { DatePrecision } from '../../graphql/partial-date';
import {
  DocumentKind,
  DocumentStatus,
  FigureMetric,
  ForumKind,
  OrganizationKind,
  RegionKind,
  ValueQualifier,
} from './entity.enums';

/**
 * The shapes entity nodes have in Neo4j. Every row a repository returns is checked against
 * these, so a node written by hand with a wrong property fails loudly instead of leaking.
 */
const optionalText = z
  .string()
  .nullish()
  .transform((value) => value ?? null);
const optionalNumber = z
  .number()
  .nullish()
  .transform((value) => value ?? null);
const precision = z
  .enum(DatePrecision)
  .nullish()
  .transform((value) => value ?? null);

const common = {
  id: z.string(),
  name: z.string(),
  aliases: z
    .array(z.string())
    .nullish()
    .transform((value) => value ?? []),
  description: optionalText,
  /** Statements of sources that disagree on a fact (JSON, `claim.model.ts`); `disputed` while they do. */
  claims: optionalText,
  disputed: z
    .boolean()
    .nullish()
    .transform((value) => value ?? false),
  mergedFrom: z
    .array(z.string())
    .nullish()
    .transform((value) => value ?? []),
  createdAt: z.string(),
  updatedAt: z.string(),
};

export const regionRecord = z.object({
  ...common,
  __typename: z.literal('Region'),
  kind: z.enum(RegionKind),
  iso2: optionalText,
  iso3: optionalText,
  isoNumeric: optionalText,
  isoSubdivision: optionalText,
});

export const organizationRecord = z.object({
  ...common,
  __typename: z.literal('Organization'),
  kind: z.enum(OrganizationKind),
});

export const officialRecord = z.object({ ...common, __typename: z.literal('Official') });

export const forumRecord = z.object({
  ...common,
  __typename: z.literal('Forum'),
  kind: z.enum(ForumKind),
  edition: optionalNumber,
  date: optionalText,
  datePrecision: precision,
});

export const documentRecord = z.object({
  ...common,
  __typename: z.literal('Document'),
  kind: z.enum(DocumentKind),
  title: optionalText,
  count: z.number().int().min(1),
  status: z.enum(DocumentStatus),
  signedOn: optionalText,
  signedOnPrecision: precision,
  inForceOn: optionalText,
  inForcePrecision: precision,
  valueAmount: optionalNumber,
  valueCurrency: optionalText,
  valueQualifier: z
    .enum(ValueQualifier)
    .nullish()
    .transform((value) => value ?? null),
});

export const sectorRecord = z.object({ ...common, __typename: z.literal('Sector') });

export const sourceRecord = z.object({
  ...common,
  __typename: z.literal('Source'),
  publisher: optionalText,
  url: optionalText,
  publishedOn: optionalText,
  publishedPrecision: precision,
  citation: optionalText,
  version: optionalText,
});

export const figureRecord = z.object({
  ...common,
  __typename: z.literal('Figure'),
  metric: z.enum(FigureMetric),
  value: z.number(),
  unit: z.string(),
  qualifier: z.enum(ValueQualifier),
  period: optionalText,
  periodPrecision: precision,
  changePercent: optionalNumber,
  changeFactor: optionalNumber,
  itemCount: optionalNumber,
  items: z
    .array(z.string())
    .nullish()
    .transform((value) => value ?? []),
});

export type RegionRecord = z.infer<typeof regionRecord>;
export type OrganizationRecord = z.infer<typeof organizationRecord>;
export type OfficialRecord = z.infer<typeof officialRecord>;
export type ForumRecord = z.infer<typeof forumRecord>;
export type DocumentRecord = z.infer<typeof documentRecord>;
export type SectorRecord = z.infer<typeof sectorRecord>;
export type SourceRecord = z.infer<typeof sourceRecord>;
export type FigureRecord = z.infer<typeof figureRecord>;
export type EntityRecord =
  | RegionRecord
  | OrganizationRecord
  | OfficialRecord
  | ForumRecord
  | DocumentRecord
  | SectorRecord
  | SourceRecord
  | FigureRecord;

/**
 * The provenance lists a tie carries: entry i of each list belongs together (Neo4j relationships
 * cannot point at a Source node, so ties keep source ids instead).
 */
export const tieProvenanceColumns = {
  sourceIds: z
    .array(z.string())
    .nullish()
    .transform((value) => value ?? []),
  locators: z
    .array(z.string())
    .nullish()
    .transform((value) => value ?? []),
  recordedAts: z
    .array(z.string())
    .nullish()
    .transform((value) => value ?? []),
  /** '' where the statement came without a quote (a list property cannot hold null). */
  quotes: z
    .array(z.string())
    .nullish()
    .transform((value) => value ?? []),
};
