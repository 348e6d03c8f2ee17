import { ObjectType } from 'type-graphql';

import { Entity, Node } from '../entity/entity.type';

@ObjectType({
  implements: [Node, Entity],
  description: 'An economic sector a document covers (energy, mining, tourism…).',
})
export class Sector extends Entity {}
