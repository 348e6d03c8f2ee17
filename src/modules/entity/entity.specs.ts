import type { z } from 'zod';

import { parsePartialDate, type PartialDate, toPartialDate } from '../../graphql/partial-date';
import { describeDocuments } from '../document/document.names';
import type { DocumentInput } from '../document/document.input';
import type { FigureInput } from '../figure/figure.input';
import type { ForumInput } from '../forum/forum.input';
import type { OfficialInput } from '../official/official.input';
import type { OrganizationInput } from '../organization/organization.input';
import type { RegionInput } from '../region/region.input';
import type { SectorInput } from '../sector/sector.input';
import type { SourceInput } from '../source/source.input';
import { ValueQualifier } from './entity.enums';
import type { EntityFieldsInput } from './entity.input';
import { type EntityType, resolutionKey, wordOrderKey } from './entity.model';
import {
  documentRecord,
  type DocumentRecord,
  type EntityRecord,
  figureRecord,
  type FigureRecord,
  forumRecord,
  type ForumRecord,
  officialRecord,
  type OfficialRecord,
  organizationRecord,
  type OrganizationRecord,
  regionRecord,
  type RegionRecord,
  sectorRecord,
  type SectorRecord,
  sourceRecord,
  type SourceRecord,
} from './entity.record';

/** The GraphQL shape of an entity: stored date/precision pairs become PartialDates, value columns Money. */
export type EntityObject = Record<string, unknown> & {
  readonly id: string;
  readonly name: string;
  readonly __typename: EntityType;
};

/** What a typed input stores: its name, aliases and type-specific columns. */
export interface EntityFields {
  readonly name: string;
  /** The name was made from other fields ("5 agreements"), not stated: it is no alias of the entity. */
  readonly generatedName?: boolean;
  readonly aliases: readonly string[];
  /** Stored columns; undefined leaves a column as it is, null removes it. */
  readonly props: Record<string, unknown>;
}

/** A partial date as stored: the date column (the first day it can mean) and its precision column. */
export interface DateColumn {
  readonly column: string;
  readonly precision: string;
}

/** A fact sources can disagree on: its name in claims (`value`) and the columns that hold it. */
export interface ClaimedField {
  readonly field: string;
  readonly columns: readonly string[];
}

/** The field of a report's entity that carries each type (`entities[].region`). */
export type ReportField = 'region' | 'organization' | 'official' | 'forum' | 'document' | 'sector' | 'figure';

interface EntitySpec<Input extends EntityFieldsInput, Rec extends EntityRecord> {
  /** Where a report states entities of this type; sources are a report's own `source`. */
  readonly reportField: ReportField | null;
  /** Whether a name or alias identifies it; two reports of "5 agreements" are not one fact. */
  readonly resolvesByName: boolean;
  /** The shape of its node, checked on every row that carries one. */
  readonly record: z.ZodType<Rec>;
  /** Its partial dates, as stored. */
  readonly dates: readonly DateColumn[];
  /** The stored date its DATE order and date filters use, and the value of its VALUE order. */
  readonly sortDate?: string;
  readonly sortValue?: string;
  /** Columns a new entity takes when its input leaves them out; a restatement keeps what is stored. */
  readonly defaults?: Readonly<Record<string, unknown>>;
  /**
   * Facts on which sources may disagree (another total, another date), each stored in these
   * columns: when a second source states another value, both are kept as claims.
   */
  readonly claimed?: readonly ClaimedField[];
  /** The stored columns of an input. */
  fields(input: Input): EntityFields;
  /** The GraphQL object of a stored record. */
  toObject(record: Rec): EntityObject;
}

/** Splits a partial date into its stored date and precision columns. */
function dateColumns(column: DateColumn, text: string | null | undefined): Record<string, string | null> {
  if (text === undefined) return {};
  const parsed = text === null ? undefined : parsePartialDate(text);
  return { [column.column]: parsed?.date ?? null, [column.precision]: parsed?.precision ?? null };
}

function partialDate(record: Record<string, unknown>, column: DateColumn): PartialDate | null {
  return toPartialDate(record[column.column] as string | null, record[column.precision] as string | null);
}

function common(input: EntityFieldsInput): Record<string, unknown> {
  return input.description === undefined ? {} : { description: input.description };
}

const FORUM_DATE = { column: 'date', precision: 'datePrecision' };
const SIGNED_ON = { column: 'signedOn', precision: 'signedOnPrecision' };
const IN_FORCE_ON = { column: 'inForceOn', precision: 'inForcePrecision' };
const PUBLISHED_ON = { column: 'publishedOn', precision: 'publishedPrecision' };
const PERIOD = { column: 'period', precision: 'periodPrecision' };

/**
 * Every entity type, described once (its label and id prefix are in entity.model.ts): where reports state it, how it resolves, its stored
 * shape, dates and sort columns, how inputs become columns and records become GraphQL objects.
 * Everything else reads this table (as `TIE_SPECS` for ties); a new type is one entry here plus
 * its `.type.ts`/`.input.ts`/`.resolver.ts`.
 */
export const ENTITY_SPECS = {
  Official: {
    reportField: 'official',
    resolvesByName: true,
    record: officialRecord,
    dates: [],
    fields: (input) => ({ name: input.name, aliases: input.aliases ?? [], props: common(input) }),
    toObject: (record) => record,
  } satisfies EntitySpec<OfficialInput, OfficialRecord>,
  Region: {
    reportField: 'region',
    resolvesByName: true,
    record: regionRecord,
    dates: [],
    fields: (input) => ({
      name: input.name,
      aliases: input.aliases ?? [],
      props: {
        ...common(input),
        kind: input.kind,
        iso2: input.iso2 ?? null,
        iso3: input.iso3 ?? null,
        isoNumeric: input.isoNumeric ?? null,
        isoSubdivision: input.isoSubdivision ?? null,
      },
    }),
    toObject: (record) => record,
  } satisfies EntitySpec<RegionInput, RegionRecord>,
  Organization: {
    reportField: 'organization',
    resolvesByName: true,
    record: organizationRecord,
    dates: [],
    fields: (input) => ({
      name: input.name,
      aliases: input.aliases ?? [],
      props: { ...common(input), kind: input.kind },
    }),
    toObject: (record) => record,
  } satisfies EntitySpec<OrganizationInput, OrganizationRecord>,
  Forum: {
    reportField: 'forum',
    resolvesByName: true,
    record: forumRecord,
    dates: [FORUM_DATE],
    sortDate: FORUM_DATE.column,
    fields: (input) => ({
      name: input.name,
      aliases: input.aliases ?? [],
      props: {
        ...common(input),
        kind: input.kind,
        edition: input.edition ?? null,
        ...dateColumns(FORUM_DATE, input.date ?? null),
      },
    }),
    toObject: (record) => ({ ...record, date: partialDate(record, FORUM_DATE) }),
  } satisfies EntitySpec<ForumInput, ForumRecord>,
  Document: {
    reportField: 'document',
    resolvesByName: false,
    record: documentRecord,
    dates: [SIGNED_ON, IN_FORCE_ON],
    sortDate: SIGNED_ON.column,
    sortValue: 'valueAmount',
    defaults: { count: 1, status: 'SIGNED' },
    claimed: [
      { field: 'value', columns: ['valueAmount', 'valueCurrency', 'valueQualifier'] },
      { field: 'count', columns: ['count'] },
      { field: 'signedOn', columns: [SIGNED_ON.column, SIGNED_ON.precision] },
      { field: 'status', columns: ['status'] },
    ],
    fields: (input) => ({
      name: input.name ?? input.title ?? describeDocuments(input.kind, input.count ?? 1),
      generatedName: !input.name && !input.title,
      aliases: input.aliases ?? [],
      props: {
        ...common(input),
        kind: input.kind,
        title: input.title ?? null,
        count: input.count ?? null,
        status: input.status ?? null,
        ...dateColumns(SIGNED_ON, input.signedOn ?? null),
        ...dateColumns(IN_FORCE_ON, input.inForceOn ?? null),
        valueAmount: input.value?.amount ?? null,
        valueCurrency: input.value?.currency ?? null,
        // A value stated without a qualifier is exact (a stored qualifier without a value means nothing).
        valueQualifier: input.value ? (input.value.qualifier ?? 'EXACT') : null,
      },
    }),
    toObject: (record) => ({
      ...record,
      signedOn: partialDate(record, SIGNED_ON),
      inForceOn: partialDate(record, IN_FORCE_ON),
      value:
        record.valueAmount === null
          ? null
          : {
              amount: record.valueAmount,
              currency: record.valueCurrency ?? 'USD',
              qualifier: record.valueQualifier ?? ValueQualifier.EXACT,
            },
    }),
  } satisfies EntitySpec<DocumentInput, DocumentRecord>,
  Sector: {
    reportField: 'sector',
    resolvesByName: true,
    record: sectorRecord,
    dates: [],
    fields: (input) => ({ name: input.name, aliases: input.aliases ?? [], props: common(input) }),
    toObject: (record) => record,
  } satisfies EntitySpec<SectorInput, SectorRecord>,
  Source: {
    reportField: null,
    resolvesByName: true,
    record: sourceRecord,
    dates: [PUBLISHED_ON],
    sortDate: PUBLISHED_ON.column,
    fields: (input) => ({
      name: input.name,
      aliases: input.aliases ?? [],
      props: {
        ...common(input),
        publisher: input.publisher ?? null,
        url: input.url ?? null,
        citation: input.citation ?? null,
        version: input.version ?? null,
        ...dateColumns(PUBLISHED_ON, input.publishedOn ?? null),
      },
    }),
    toObject: (record) => ({ ...record, publishedOn: partialDate(record, PUBLISHED_ON) }),
  } satisfies EntitySpec<SourceInput, SourceRecord>,
  Figure: {
    reportField: 'figure',
    resolvesByName: false,
    record: figureRecord,
    dates: [PERIOD],
    sortDate: PERIOD.column,
    sortValue: 'value',
    defaults: { qualifier: 'EXACT' },
    claimed: [
      { field: 'value', columns: ['value', 'unit'] },
      { field: 'period', columns: [PERIOD.column, PERIOD.precision] },
      { field: 'qualifier', columns: ['qualifier'] },
    ],
    fields: (input) => ({
      name: input.name ?? `${input.metric.toLowerCase().replace(/_/g, ' ')}${input.period ? ` ${input.period}` : ''}`,
      generatedName: !input.name,
      aliases: input.aliases ?? [],
      props: {
        ...common(input),
        metric: input.metric,
        value: input.value,
        unit: input.unit,
        qualifier: input.qualifier ?? null,
        ...dateColumns(PERIOD, input.period ?? null),
        changePercent: input.changePercent ?? null,
        changeFactor: input.changeFactor ?? null,
        itemCount: input.itemCount ?? null,
        items: input.items ?? null,
      },
    }),
    toObject: (record) => ({ ...record, period: partialDate(record, PERIOD) }),
  } satisfies EntitySpec<FigureInput, FigureRecord>,
} as const satisfies Record<EntityType, unknown>;

type Specs = typeof ENTITY_SPECS;
type InputOf<T extends EntityType> = Parameters<Specs[T]['fields']>[0];

/** A typed entity input with its entity type, as mutations and reports carry them. */
export type TypedEntityInput = { [T in EntityType]: { type: T; input: InputOf<T> } }[EntityType];

/** The spec of a type, seen through the shape all specs share. */
export function specOf(type: EntityType): EntitySpec<EntityFieldsInput, EntityRecord> {
  return ENTITY_SPECS[type];
}

/** The name and stored columns of a typed input. */
export function entityFields(typed: TypedEntityInput): EntityFields {
  return specOf(typed.type).fields(typed.input);
}

/** The types a report's entities (and a dataset's rows) state: all but sources. */
export type ReportedType = { [T in EntityType]: Specs[T]['reportField'] extends null ? never : T }[EntityType];

/** The report field of each type that reports state (`region` → Region). */
export const REPORT_FIELDS = (Object.keys(ENTITY_SPECS) as EntityType[]).flatMap((type) => {
  const field = ENTITY_SPECS[type].reportField;
  return field === null ? [] : [{ field, type: type as ReportedType }];
});

export function resolvesByName(type: EntityType): boolean {
  return ENTITY_SPECS[type].resolvesByName;
}

/**
 * The keys an entity resolves by: its name's first, then its aliases', then theirs whatever the
 * order of their words; none for documents and figures.
 */
export function resolutionKeysOf(typed: TypedEntityInput): string[] {
  if (!resolvesByName(typed.type)) return [];
  const names = [typed.input.name ?? '', ...(typed.input.aliases ?? [])];
  const keys = names.flatMap((name) => resolutionKey(typed.type, name) ?? []);
  const anyOrder = names.flatMap((name) => wordOrderKey(typed.type, name) ?? []);
  return [...new Set([...keys, ...anyOrder])];
}
