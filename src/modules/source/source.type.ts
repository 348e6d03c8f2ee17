import { Field, ObjectType } from 'type-graphql';

import type { PartialDate } from '../../graphql/partial-date';
import { PartialDate as PartialDateType } from '../../graphql/partial-date';
import { Entity, Node } from '../entity/entity.type';

@ObjectType({
  implements: [Node, Entity],
  description: 'Where facts come from: an article, a dataset, a communiqué. `name` is its title.',
})
export class Source extends Entity {
  @Field(() => String, { nullable: true, description: 'Who published it.' })
  publisher!: string | null;

  @Field(() => String, { nullable: true, description: 'Where it can be read.' })
  url!: string | null;

  @Field(() => PartialDateType, { nullable: true, description: 'When it was published.' })
  publishedOn!: PartialDate | null;

  @Field(() => String, { nullable: true, description: 'Which version of it: an edition, a release or a commit.' })
  version!: string | null;

  @Field(() => String, { nullable: true, description: 'How to cite it, where the publisher asks for a citation.' })
  citation!: string | null;
}
