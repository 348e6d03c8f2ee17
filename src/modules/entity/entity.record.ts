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
import { type EntityType, isEntityType } from './entity.model';

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

const RECORD_BY_TYPE: Record<EntityType, z.ZodType<EntityRecord>> = {
  Region: regionRecord,
  Organization: organizationRecord,
  Official: officialRecord,
  Forum: forumRecord,
  Document: documentRecord,
  Sector: sectorRecord,
  Source: sourceRecord,
  Figure: figureRecord,
};

/** The entity type of a node, from its labels (every entity node has exactly one). */
export function entityTypeOf(labels: readonly string[]): EntityType | undefined {
  return labels.find(isEntityType);
}

/**
 * The Cypher of an `entityColumn`: the node's properties and labels. Its datetimes come as ISO
 * strings, because the driver decodes each temporal value with 64-bit integer arithmetic in
 * JavaScript, which made decoding the bulk of a deep request's time.
 */
export function entityProjection(variable: string): string {
  return `${variable} {.*, __labels: labels(${variable}), createdAt: toString(${variable}.createdAt), updatedAt: toString(${variable}.updatedAt)}`;
}

/**
 * A row column holding a whole entity node (`entityProjection` in Cypher). Parsed into the record
 * of its type, tagged with `__typename` for GraphQL interfaces and unions.
 */
export const entityColumn = z
  .object({ __labels: z.array(z.string()) })
  .loose()
  .transform((value, ctx): EntityRecord => {
    const type = entityTypeOf(value.__labels);
    if (!type) {
      ctx.addIssue({ code: 'custom', message: `node has no entity label: ${value.__labels.join(',')}` });
      return z.NEVER;
    }
    const parsed = RECORD_BY_TYPE[type].safeParse({ ...value, __typename: type });
    if (!parsed.success) {
      ctx.addIssue({ code: 'custom', message: `${type} node ${String(value.id)}: ${parsed.error.message}` });
      return z.NEVER;
    }
    return parsed.data;
  });

/** Narrows a column to one entity type. */
export function entityColumnOf<T extends EntityRecord['__typename']>(type: T) {
  return entityColumn.refine(
    (record): record is Extract<EntityRecord, { __typename: T }> => record.__typename === type,
    {
      message: `expected a ${type} node`,
    },
  );
}

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
};
