import {
  getNamedType,
  getNullableType,
  type GraphQLField,
  type GraphQLInterfaceType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  isEnumType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
} from 'graphql';

/**
 * The queries behind the explorer's property panel, derived from the schema so that a field added
 * to an entity type shows in the panel (and in the playground link) without touching the page.
 * Each entity type gets one query: every field of the entity, its sources and claims, and the
 * first page of its history. Entities it refers to come as references (`__typename id name`),
 * which the page draws as links; value objects (dates, money, ties, provenance) come whole.
 */

/** How many changes of an entity or tie the panel lists. */
export const HISTORY_PAGE = 10;

/** How a panel field is rendered: by its GraphQL type name, as a list or one value, linked when an entity. */
export interface PanelField {
  readonly name: string;
  readonly type: string;
  readonly list: boolean;
  readonly entity: boolean;
  readonly description: string | null;
}

export interface PanelQueries {
  /** By `__typename`: the query (variable `$id`) and the fields the entity answers, in schema order. */
  readonly entities: Record<string, { readonly query: string; readonly fields: readonly PanelField[] }>;
  /**
   * One tie (variables `$type`, `$from`, `$to`, `$title`): its history, and everything joining its
   * ends; `fields` are the tie's own, as neighbourhood edges carry them.
   */
  readonly tie: { readonly query: string; readonly fields: readonly PanelField[] };
  /** What each kind of edge means, in words (`BINDS`: "A party bound by a document"). */
  readonly edgeTypes: Record<string, string>;
}

/** Value objects nest, but never deeper than this below the entity. */
const MAX_VALUE_DEPTH = 3;

function objectType(schema: GraphQLSchema, name: string): GraphQLObjectType {
  const type = schema.getType(name);
  if (!isObjectType(type)) throw new Error(`the schema has no ${name} type`);
  return type;
}

function entityInterface(schema: GraphQLSchema): GraphQLInterfaceType {
  const entity = schema.getType('Entity');
  if (!isInterfaceType(entity)) throw new Error('the schema has no Entity interface');
  return entity;
}

/** Whether a value of this type is an entity (an entity type, the interface, or a union of entity types). */
function isEntityType(schema: GraphQLSchema, type: GraphQLNamedType): boolean {
  const entity = entityInterface(schema);
  if (type === entity) return true;
  if (isObjectType(type)) return type.getInterfaces().includes(entity);
  if (isUnionType(type)) return type.getTypes().every((member) => member.getInterfaces().includes(entity));
  return false;
}

/** A field the panel can ask for with no arguments: none of its arguments is required. */
function askable(field: GraphQLField<unknown, unknown>): boolean {
  return field.args.every((arg) => !isNonNullType(arg.type) || arg.defaultValue !== undefined);
}

/** The selection set for a value of `type`, or '' for a leaf; entities are references. */
function selectionOf(schema: GraphQLSchema, type: GraphQLNamedType, depth: number): string {
  if (isLeafType(type)) return '';
  if (isEntityType(schema, type)) {
    return isUnionType(type) ? '{ __typename ... on Entity { id name } }' : '{ __typename id name }';
  }
  if (!isObjectType(type) || depth >= MAX_VALUE_DEPTH) return '';
  const fields = Object.values(type.getFields())
    .filter(askable)
    .flatMap((field) => {
      const named = getNamedType(field.type);
      if (isLeafType(named)) return [field.name];
      const inner = selectionOf(schema, named, depth + 1);
      return inner === '' ? [] : [`${field.name} ${inner}`];
    });
  return fields.length === 0 ? '' : `{ ${fields.join(' ')} }`;
}

/** The fields the panel shows for an entity type, each with what it needs to render it. */
function panelFields(schema: GraphQLSchema, type: GraphQLObjectType | GraphQLInterfaceType): PanelField[] {
  return Object.values(type.getFields())
    .filter(askable)
    .map((field) => {
      const named = getNamedType(field.type);
      return {
        name: field.name,
        type: named.name,
        list: isListType(getNullableType(field.type)),
        entity: isEntityType(schema, named),
        description: field.description ?? null,
      };
    });
}

/** The root field that reads one entity of this type by id (`region(id:)`), if the schema has one. */
function rootFieldFor(schema: GraphQLSchema, type: GraphQLObjectType): string | undefined {
  const query = schema.getQueryType();
  if (!query) return undefined;
  return Object.values(query.getFields()).find(
    (field) => getNullableType(field.type) === type && field.args.length === 1 && field.args[0]?.name === 'id',
  )?.name;
}

/**
 * What the panel shows of each change: when, what operation, with which source, by whom (null for
 * readers), and what it did to each entity and tie. Written out rather than derived: the whole
 * `Change` type nests itself (`revertedBy`) and would cost more than a query may.
 */
const HISTORY_SELECTION =
  '{ totalCount pageInfo { hasNextPage } nodes { id at operation sourceId actor revertOf revertedBy { id } ' +
  'entities { id type action properties { property before after } } ties { type from to key action } } }';

export function panelQueries(schema: GraphQLSchema): PanelQueries {
  const history = HISTORY_SELECTION;
  const entities: Record<string, { query: string; fields: PanelField[] }> = {};
  for (const type of schema.getPossibleTypes(entityInterface(schema))) {
    const fields = panelFields(schema, type);
    const selection = fields
      .map((field) => {
        const inner = selectionOf(schema, getNamedType(type.getFields()[field.name]!.type), 0);
        return inner === '' ? field.name : `${field.name} ${inner}`;
      })
      .join('\n    ');
    const root = rootFieldFor(schema, type);
    const read = root
      ? `${root}(id: $id) {\n    __typename\n    ${selection}\n  }`
      : `entity(id: $id) {\n    __typename\n    ... on ${type.name} {\n    ${selection}\n    }\n  }`;
    entities[type.name] = {
      query:
        `# Everything the explorer shows of a ${type.name}: its fields, sources, disputed claims and history.\n` +
        `query ${type.name}Details($id: ID!) {\n  entity: ${read}\n  history(id: $id, first: ${HISTORY_PAGE}) ${history}\n}\n`,
      fields,
    };
  }
  const connections = objectType(schema, 'TieConnections');
  const tie =
    '# One tie as the explorer shows it: its changes, and everything else that joins its two ends.\n' +
    'query TieDetails($type: TieType!, $from: ID!, $to: ID!, $title: String) {\n' +
    `  tieHistory(type: $type, from: $from, to: $to, title: $title, first: ${HISTORY_PAGE}) ${history}\n` +
    `  ties(a: $from, b: $to, limit: 5) ${selectionOf(schema, connections, 0)}\n}\n`;
  const edgeType = schema.getType('GraphEdgeType');
  if (!isEnumType(edgeType)) throw new Error('the schema has no GraphEdgeType enum');
  const edgeTypes = Object.fromEntries(edgeType.getValues().map((value) => [value.name, value.description ?? '']));
  return { entities, tie: { query: tie, fields: panelFields(schema, objectType(schema, 'Tie')) }, edgeTypes };
}
