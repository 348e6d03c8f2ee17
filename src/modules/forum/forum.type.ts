import { Field, Int, ObjectType } from 'type-graphql';

import type { PartialDate } from '../../graphql/partial-date';
import { PartialDate as PartialDateType } from '../../graphql/partial-date';
import { ForumKind } from '../entity/entity.enums';
import { Entity, Node } from '../entity/entity.type';

@ObjectType({ implements: [Node, Entity], description: 'A summit, dialogue, meeting or visit, or a series of them.' })
export class Forum extends Entity {
  @Field(() => ForumKind, { description: 'What kind of gathering this is.' })
  kind!: ForumKind;

  @Field(() => Int, {
    nullable: true,
    description: 'Which edition of its series this is (2 for "the second dialogue").',
  })
  edition!: number | null;

  @Field(() => PartialDateType, { nullable: true, description: 'When it took place, as precisely as the source says.' })
  date!: PartialDate | null;
}
