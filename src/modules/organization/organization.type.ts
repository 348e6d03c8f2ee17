import { Field, ObjectType } from 'type-graphql';

import { OrganizationKind } from '../entity/entity.enums';
import { Entity, Node } from '../entity/entity.type';

@ObjectType({ implements: [Node, Entity], description: 'A government, ministry, party organ, company or other body.' })
export class Organization extends Entity {
  @Field(() => OrganizationKind, { description: 'What kind of body this is.' })
  kind!: OrganizationKind;
}
