import { Field, Float, ObjectType } from 'type-graphql';

import { Entity } from '../entity/entity.type';

@ObjectType({ description: 'An entity found by full-text search, with how well it matched.' })
export class SearchHit {
  @Field(() => Entity, { description: 'The entity found.' })
  entity!: Entity;

  @Field(() => Float, { description: 'The relevance score; higher is better. Only comparable within one search.' })
  score!: number;
}
