import { ObjectType } from 'type-graphql';

import { Entity, Node } from '../entity/entity.type';

@ObjectType({ implements: [Node, Entity], description: 'A person acting in an official or business capacity.' })
export class Official extends Entity {}
