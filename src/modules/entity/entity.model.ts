import { createHash } from 'node:crypto';

/**
 * The graph model: the node labels and tie types that exist, and which labels each tie may join.
 * Writes check against this catalog before any Cypher runs; labels and types then reach Neo4j as
 * parameters (`$(...)` dynamic labels), never spliced into query text.
 */
export const ENTITY_TYPES = [
  'Official',
  'Region',
  'Organization',
  'Forum',
  'Document',
  'Sector',
  'Source',
  'Figure',
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export function isEntityType(value: string): value is EntityType {
  return (ENTITY_TYPES as readonly string[]).includes(value);
}

/** Id prefixes make ids readable and keep generated ids of different types apart. */
export const ID_PREFIX: Record<EntityType, string> = {
  Official: 'official',
  Region: 'region',
  Organization: 'org',
  Forum: 'forum',
  Document: 'doc',
  Sector: 'sector',
  Source: 'source',
  Figure: 'figure',
};

export const TIE_TYPES = [
  'PART_OF',
  'BASED_IN',
  'HOLDS',
  'ATTENDED',
  'SIGNED',
  'SIGNED_AT',
  'BINDS',
  'COVERS',
  'HELD_IN',
  'INVOLVES',
  'IN_SERIES',
  'HELD_ALONGSIDE',
  'BETWEEN',
  'FROM',
  'TO',
  'STATED_BY',
  'REPORTED_AT',
] as const;
export type TieType = (typeof TIE_TYPES)[number];

export interface TieSpec {
  readonly from: readonly EntityType[];
  readonly to: readonly EntityType[];
  readonly description: string;
  /** Which tie properties the tie takes; others are rejected. */
  readonly properties: readonly ('title' | 'role' | 'onBehalfOf' | 'since' | 'until')[];
  /** A tie is identified by its type and ends, plus this property where one pair can hold several. */
  readonly distinguishedBy?: 'title' | 'role';
  /** The roles the tie takes, where they are a closed list; the first is what a tie without one reads as. */
  readonly roles?: readonly string[];
}

const PARTY: readonly EntityType[] = ['Region', 'Organization'];

/**
 * A party's side of a document: who invests and who hosts, who lends and who borrows, who buys
 * and who sells; `PARTY` when the source says no more (and for every tie stored before roles).
 */
export const PARTY_ROLES = ['PARTY', 'INVESTOR', 'HOST', 'LENDER', 'BORROWER', 'BUYER', 'SELLER'] as const;

export const TIE_SPECS: Record<TieType, TieSpec> = {
  PART_OF: {
    from: ['Region', 'Organization', 'Document', 'Forum'],
    to: ['Region', 'Organization', 'Document', 'Forum'],
    description: 'A region within a larger region, a body within a larger body, a document within a reported group',
    properties: [],
  },
  BASED_IN: { from: ['Organization'], to: ['Region'], description: 'Where an organization sits', properties: [] },
  HOLDS: {
    from: ['Official'],
    to: ['Organization'],
    description: 'An official holds a position (title, period) in an organization',
    properties: ['title', 'since', 'until'],
    distinguishedBy: 'title',
  },
  ATTENDED: {
    from: ['Official'],
    to: ['Forum'],
    description: 'An official attended a forum, in a role, on behalf of a party',
    properties: ['role', 'onBehalfOf'],
  },
  SIGNED: {
    from: ['Official'],
    to: ['Document'],
    description: 'An official signed a document on behalf of a party',
    properties: ['onBehalfOf'],
  },
  SIGNED_AT: { from: ['Document'], to: ['Forum'], description: 'A document was signed at a forum', properties: [] },
  BINDS: {
    from: ['Document'],
    to: PARTY,
    description:
      'A party bound by a document, with its side (role: investor or host, lender or borrower, buyer or seller)',
    properties: ['role'],
    roles: PARTY_ROLES,
  },
  COVERS: { from: ['Document'], to: ['Sector'], description: 'A sector a document covers', properties: [] },
  HELD_IN: { from: ['Forum'], to: ['Region'], description: 'Where a forum took place', properties: [] },
  INVOLVES: { from: ['Forum'], to: PARTY, description: 'A party taking part in a forum', properties: [] },
  IN_SERIES: { from: ['Forum'], to: ['Forum'], description: 'A forum edition belongs to a series', properties: [] },
  HELD_ALONGSIDE: {
    from: ['Forum'],
    to: ['Forum'],
    description: 'Two events held alongside each other',
    properties: [],
  },
  BETWEEN: { from: ['Figure'], to: PARTY, description: 'A party a reported figure concerns', properties: [] },
  FROM: {
    from: ['Figure'],
    to: PARTY,
    description: 'Where a reported flow (exports, an offer) comes from',
    properties: [],
  },
  TO: { from: ['Figure'], to: PARTY, description: 'Where a reported flow goes to', properties: [] },
  STATED_BY: { from: ['Figure'], to: ['Official'], description: 'The official who stated a figure', properties: [] },
  REPORTED_AT: {
    from: ['Figure'],
    to: ['Forum'],
    description: 'The forum at which a figure was stated',
    properties: [],
  },
};

/** Lower-cases, strips accents and collapses punctuation, so "Ma Xíngrui" and "ma xingrui" match. */
export function matchKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The key that tells apart ties of one type between one pair: the position title for HOLDS. */
export function tieKey(type: TieType, details: { title?: string | null; role?: string | null }): string {
  const by = TIE_SPECS[type].distinguishedBy;
  const value = by === undefined ? undefined : details[by];
  return value ? matchKey(value) : '';
}

const MAX_SLUG_LENGTH = 80;

/**
 * A readable, stable id from a name: `official:serik-zhumangarin`. Long names are shortened, and
 * a shortened slug ends in a hash of the whole folded name, so two names that share their first
 * 80 characters still get two ids.
 */
export function slugId(type: EntityType, name: string): string {
  const slug = matchKey(name).replace(/ /g, '-');
  const shortened =
    slug.length > MAX_SLUG_LENGTH
      ? `${slug.slice(0, MAX_SLUG_LENGTH - 9).replace(/-+$/, '')}-${createHash('sha256').update(slug).digest('hex').slice(0, 8)}`
      : slug;
  return `${ID_PREFIX[type]}:${shortened || 'unnamed'}`;
}

/**
 * The key under which a name resolves to an entity of a type: `Sector:energy`. The database holds
 * one `NameKey` node per key (unique by constraint, migration 0004), which is what makes "one
 * entity of a type per name" hold under concurrent writers.
 */
export function resolutionKey(type: EntityType, name: string): string | undefined {
  const key = matchKey(name);
  return key === '' ? undefined : `${type}:${key}`;
}

/**
 * The key of a name whatever the order of its words ("Zhumangarin Serik" is "Serik Zhumangarin"):
 * `Official:~serik zhumangarin`. Words with digits keep their order, after a `#` ("Forum 2023 1-0"
 * is not "Forum 0-1 2023", though "2023 Astana Forum" is "Astana Forum 2023"). Undefined when
 * fewer than two words could trade places: the plain key says as much. Resolution tries it after
 * every plain key, so an exact spelling always wins. Migration 0007 computes the same keys.
 */
export function wordOrderKey(type: EntityType, name: string): string | undefined {
  const words = matchKey(name)
    .split(' ')
    .filter((word) => word !== '');
  const numbered = words.filter((word) => /\d/.test(word));
  const plain = words.filter((word) => !/\d/.test(word));
  if (plain.length < 2) return undefined;
  const tail = numbered.length > 0 ? ` # ${numbered.join(' ')}` : '';
  return `${type}:~${[...plain].sort().join(' ')}${tail}`;
}

/** Ties followed by traversals: the catalog's, plus the provenance of nodes. */
export type Traversable = TieType | 'STATED_IN';

/** Which way a traversal follows a tie: from its start (`out`) or from its end (`in`). */
export type Direction = 'out' | 'in';

/** How many sources state a fact: its statements counted once per source (one source may state it at two locators). */
export function distinctSources(statements: readonly { readonly sourceId: string }[]): number {
  return new Set(statements.map((statement) => statement.sourceId)).size;
}
