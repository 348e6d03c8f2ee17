import { GraphQLDateTimeISO, GraphQLJSON } from 'graphql-scalars';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

import { EntityType } from '../entity/entity.type';
import type { EntityType as EntityTypeName } from '../entity/entity.model';

export enum ChangeAction {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  DELETED = 'DELETED',
}
registerEnumType(ChangeAction, { name: 'ChangeAction', description: 'What a change did to a fact.' });

@ObjectType({ description: 'One property a change set, changed or removed.' })
export class PropertyChange {
  @Field({ description: 'The stored property (e.g. `valueAmount`, `signedOn`, `aliases`).' })
  property!: string;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Its value before the change; null when it had none.' })
  before!: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Its value after the change; null when it has none.' })
  after!: unknown;
}

@ObjectType({ description: 'What a change did to one entity.' })
export class EntityChange {
  @Field(() => ID, { description: 'The entity (it may since have been deleted).' })
  id!: string;

  @Field(() => EntityType)
  type!: EntityTypeName;

  @Field(() => ChangeAction)
  action!: ChangeAction;

  @Field(() => [PropertyChange], {
    description: 'The properties that changed; all of them for a created or deleted entity.',
  })
  properties!: PropertyChange[];
}

@ObjectType({ description: 'What a change did to one tie, or to one statement of an entity in a source.' })
export class TieChange {
  @Field({ description: 'The tie type; STATED_IN for an entity stated in a source.' })
  type!: string;

  @Field(() => ID)
  from!: string;

  @Field(() => ID)
  to!: string;

  @Field({
    description: 'What tells the tie apart from others of its type between the two (a folded title, a locator).',
  })
  key!: string;

  @Field(() => ChangeAction)
  action!: ChangeAction;

  @Field(() => [PropertyChange])
  properties!: PropertyChange[];
}

@ObjectType({
  description:
    'One recorded write: who made it, when, with which source, and for every entity and tie it touched the ' +
    'state before and after. Written in the same transaction as the write itself.',
})
export class Change {
  @Field(() => ID, { description: 'Time-ordered: a later change has a greater id.' })
  id!: string;

  @Field(() => GraphQLDateTimeISO)
  at!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Who made it (`key:<name>`, `jwt:<subject>`, `system`); shown to editors and admins only.',
  })
  actor!: string | null;

  @Field({ description: 'The operation: `ingestReport`, `createRegion`, `revertChange`, …' })
  operation!: string;

  @Field(() => ID, { nullable: true, description: 'The source the write came with.' })
  sourceId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The change this one reverted.' })
  revertOf!: string | null;

  @Field(() => [EntityChange])
  entities!: EntityChange[];

  @Field(() => [TieChange])
  ties!: TieChange[];
}
