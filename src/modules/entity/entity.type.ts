import { GraphQLDateTimeISO } from 'graphql-scalars';
import { Field, Float, ID, InterfaceType, ObjectType, registerEnumType } from 'type-graphql';

import {
  DocumentKind,
  DocumentStatus,
  FigureMetric,
  ForumKind,
  OrganizationKind,
  RegionKind,
  ValueQualifier,
} from './entity.enums';
import { ENTITY_TYPES, type EntityType as EntityTypeName } from './entity.model';

registerEnumType(RegionKind, { name: 'RegionKind', description: 'What level of territory a region is.' });
registerEnumType(OrganizationKind, { name: 'OrganizationKind', description: 'What kind of body an organization is.' });
registerEnumType(ForumKind, { name: 'ForumKind', description: 'What kind of gathering a forum is.' });
registerEnumType(DocumentKind, {
  name: 'DocumentKind',
  description: 'What kind of document; PACKAGE stands for documents a source reports together without listing them.',
});
registerEnumType(DocumentStatus, { name: 'DocumentStatus', description: 'Where a document stands.' });
registerEnumType(FigureMetric, { name: 'FigureMetric', description: 'What a reported figure measures.' });
registerEnumType(ValueQualifier, {
  name: 'ValueQualifier',
  description: 'How a source qualifies a number: exactly, about, at least ("over") or at most.',
});

/**
 * GraphQL enum of the entity labels, named in upper case like every other enum (`REGION`); its
 * values inside the API are the labels themselves (`Region`, the `__typename`).
 */
export const EntityType = Object.fromEntries(ENTITY_TYPES.map((type) => [type.toUpperCase(), type])) as {
  [K in EntityTypeName as Uppercase<K>]: K;
};
registerEnumType(EntityType, {
  name: 'EntityType',
  description: 'The kinds of entity in the graph: `REGION` is the type whose `__typename` is `Region`, and so on.',
});

/** Interfaces and unions resolve by the `__typename` every entity object carries. */
export const byTypename = (value: object): string | undefined =>
  '__typename' in value && typeof value.__typename === 'string' ? value.__typename : undefined;

@InterfaceType({
  description: 'An object with a globally unique id (Relay); fetch any of them with `node(id)`.',
  resolveType: byTypename,
})
export abstract class Node {
  @Field(() => ID, { description: 'Globally unique, stable id, prefixed by type (e.g. `region:kz`).' })
  id!: string;
}

@InterfaceType({
  description: 'A thing in the graph: an official, region, organization, forum, document, sector, source or figure.',
  implements: Node,
  resolveType: byTypename,
})
export abstract class Entity extends Node {
  @Field({ description: 'The name to show; for an untitled document, a description of what was reported.' })
  name!: string;

  @Field(() => [String], { description: 'Other names and spellings the entity goes by.' })
  aliases!: string[];

  @Field(() => String, { nullable: true, description: 'A short description.' })
  description!: string | null;

  @Field(() => [ID], {
    description: 'The ids of entities merged into this one (`mergeEntities`); each still finds it.',
  })
  mergedFrom!: string[];

  @Field(() => GraphQLDateTimeISO, { description: 'When the entity was first recorded.' })
  createdAt!: string;

  @Field(() => GraphQLDateTimeISO, { description: 'When the entity was last changed.' })
  updatedAt!: string;
}

@ObjectType({ description: 'Where a fact comes from: a source, the place in it, and when it was recorded.' })
export class Provenance {
  @Field(() => ID, { description: 'The id of the source.' })
  sourceId!: string;

  @Field(() => String, { nullable: true, description: 'Where in the source, e.g. "¶3".' })
  locator!: string | null;

  @Field(() => String, { nullable: true, description: 'The words of the source that state it, verbatim.' })
  quote!: string | null;

  @Field(() => [String], { description: 'The names the source used for the entity there (empty for a tie).' })
  names!: readonly string[];

  @Field(() => GraphQLDateTimeISO, { description: 'When this statement was recorded in the graph.' })
  recordedAt!: string;
}

@ObjectType({ description: 'An amount of money as stated by its source.' })
export class Money {
  @Field(() => Float, { description: 'The amount, in units of the currency.' })
  amount!: number;

  @Field({ description: 'ISO 4217 currency code, e.g. USD.' })
  currency!: string;

  @Field(() => ValueQualifier, {
    description: 'Whether the source gives the amount exactly, about, as a floor or a ceiling.',
  })
  qualifier!: ValueQualifier;
}
