import { parsePartialDate } from '../../graphql/partial-date';
import type { DocumentInput } from '../document/document.input';
import type { EntityFieldsInput } from '../entity/entity.input';
import { type EntityType, matchKey, resolutionKey } from '../entity/entity.model';
import type { FigureInput } from '../figure/figure.input';
import type { ForumInput } from '../forum/forum.input';
import type { OfficialInput } from '../official/official.input';
import type { OrganizationInput } from '../organization/organization.input';
import type { RegionInput } from '../region/region.input';
import type { SectorInput } from '../sector/sector.input';
import type { SourceInput } from '../source/source.input';
import type { EntityWrite } from './ingest.repository';

/** A typed entity input with its entity type, as mutations and reports carry them. */
export type TypedEntityInput =
  | { type: 'Region'; input: RegionInput }
  | { type: 'Organization'; input: OrganizationInput }
  | { type: 'Official'; input: OfficialInput }
  | { type: 'Forum'; input: ForumInput }
  | { type: 'Document'; input: DocumentInput }
  | { type: 'Sector'; input: SectorInput }
  | { type: 'Source'; input: SourceInput }
  | { type: 'Figure'; input: FigureInput };

/** Splits a partial date into the stored date and precision columns. */
function dateColumns(field: string, text: string | null | undefined): Record<string, string | null> {
  if (text === undefined) return {};
  const parsed = text === null ? undefined : parsePartialDate(text);
  return { [field]: parsed?.date ?? null, [precisionColumn(field)]: parsed?.precision ?? null };
}

function precisionColumn(field: string): string {
  switch (field) {
    case 'date':
      return 'datePrecision';
    case 'signedOn':
      return 'signedOnPrecision';
    case 'inForceOn':
      return 'inForcePrecision';
    case 'publishedOn':
      return 'publishedPrecision';
    default:
      return `${field}Precision`;
  }
}

const KIND_LABEL: Record<string, [string, string]> = {
  AGREEMENT: ['agreement', 'agreements'],
  INTERREGIONAL_AGREEMENT: ['interregional agreement', 'interregional agreements'],
  MEMORANDUM_OF_UNDERSTANDING: ['memorandum of understanding', 'memoranda of understanding'],
  COMMERCIAL_AGREEMENT: ['commercial agreement', 'commercial agreements'],
  CONTRACT: ['contract', 'contracts'],
  JOINT_STATEMENT: ['joint statement', 'joint statements'],
  TREATY: ['treaty', 'treaties'],
  TRADE_AGREEMENT: ['trade agreement', 'trade agreements'],
  PROTOCOL: ['protocol', 'protocols'],
  ACCESSION: ['accession', 'accessions'],
  AMENDMENT: ['amendment', 'amendments'],
  PACKAGE: ['document', 'documents'],
  OTHER: ['document', 'documents'],
};

/** "5 commercial agreements": a display name that describes what was reported, not a title. */
export function describeDocuments(kind: string, count: number): string {
  const [singular, plural] = KIND_LABEL[kind] ?? ['document', 'documents'];
  return count === 1 ? `1 ${singular}` : `${count} ${plural}`;
}

export interface EntityFields {
  readonly name: string;
  readonly aliases: readonly string[];
  /** Stored columns; undefined leaves a column as it is, null removes it. */
  readonly props: Record<string, unknown>;
}

function common(input: EntityFieldsInput): Record<string, unknown> {
  return input.description === undefined ? {} : { description: input.description };
}

/** The name and stored columns of a typed input. */
export function entityFields(entity: TypedEntityInput): EntityFields {
  const aliases = entity.input.aliases ?? [];
  switch (entity.type) {
    case 'Region': {
      const { input } = entity;
      return {
        name: input.name,
        aliases,
        props: {
          ...common(input),
          kind: input.kind,
          iso2: input.iso2 ?? null,
          iso3: input.iso3 ?? null,
          isoNumeric: input.isoNumeric ?? null,
          isoSubdivision: input.isoSubdivision ?? null,
        },
      };
    }
    case 'Organization':
      return { name: entity.input.name, aliases, props: { ...common(entity.input), kind: entity.input.kind } };
    case 'Official':
    case 'Sector':
      return { name: entity.input.name, aliases, props: common(entity.input) };
    case 'Forum': {
      const { input } = entity;
      return {
        name: input.name,
        aliases,
        props: {
          ...common(input),
          kind: input.kind,
          edition: input.edition ?? null,
          ...dateColumns('date', input.date ?? null),
        },
      };
    }
    case 'Document': {
      const { input } = entity;
      return {
        name: input.name ?? input.title ?? describeDocuments(input.kind, input.count),
        aliases,
        props: {
          ...common(input),
          kind: input.kind,
          title: input.title ?? null,
          count: input.count,
          status: input.status,
          ...dateColumns('signedOn', input.signedOn ?? null),
          ...dateColumns('inForceOn', input.inForceOn ?? null),
          valueAmount: input.value?.amount ?? null,
          valueCurrency: input.value?.currency ?? null,
          valueQualifier: input.value?.qualifier ?? null,
        },
      };
    }
    case 'Source': {
      const { input } = entity;
      return {
        name: input.name,
        aliases,
        props: {
          ...common(input),
          publisher: input.publisher ?? null,
          url: input.url ?? null,
          citation: input.citation ?? null,
          version: input.version ?? null,
          ...dateColumns('publishedOn', input.publishedOn ?? null),
        },
      };
    }
    case 'Figure': {
      const { input } = entity;
      return {
        name: input.name ?? `${input.metric.toLowerCase().replace(/_/g, ' ')}${input.period ? ` ${input.period}` : ''}`,
        aliases,
        props: {
          ...common(input),
          metric: input.metric,
          value: input.value,
          unit: input.unit,
          qualifier: input.qualifier,
          ...dateColumns('period', input.period ?? null),
          changePercent: input.changePercent ?? null,
          changeFactor: input.changeFactor ?? null,
          itemCount: input.itemCount ?? null,
          items: input.items ?? [],
        },
      };
    }
  }
}

/** Documents and figures are never matched by name: two reports of "5 agreements" are not one fact. */
export function resolvesByName(type: EntityType): boolean {
  return type !== 'Document' && type !== 'Figure';
}

/** The keys an entity resolves by: its name's first, then its aliases'; none for documents and figures. */
export function resolutionKeysOf(typed: TypedEntityInput): string[] {
  if (!resolvesByName(typed.type)) return [];
  const names = [typed.input.name ?? '', ...(typed.input.aliases ?? [])];
  const keys = names.flatMap((name) => resolutionKey(typed.type, name) ?? []);
  return [...new Set(keys)];
}

function withoutNulls(props: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(props).filter(([, value]) => value !== null && value !== undefined));
}

/**
 * The write of one typed input under its resolved id. `replace` (updates) sets every field, so a
 * null removes it, and replaces the aliases; otherwise (ingestion) only what the source states is
 * added: a report that names Kazakhstan without its ISO codes must not erase them.
 */
export function entityWrite(
  id: string,
  typed: TypedEntityInput,
  statement: { readonly sourceId: string | null; readonly locator: string },
  options: { readonly replace: boolean; readonly mustCreate: boolean },
): EntityWrite {
  const fields = entityFields(typed);
  return {
    id,
    type: typed.type,
    name: fields.name,
    nameKey: matchKey(fields.name),
    aliases: fields.aliases,
    aliasKeys: fields.aliases.map(matchKey),
    replaceAliases: options.replace,
    props: options.replace ? fields.props : withoutNulls(fields.props),
    sourceId: statement.sourceId,
    locator: statement.locator,
    keys: resolutionKeysOf(typed),
    mustCreate: options.mustCreate,
  };
}
