import { Field, Int, ObjectType } from 'type-graphql';

import type { PartialDate } from '../../graphql/partial-date';
import { PartialDate as PartialDateType } from '../../graphql/partial-date';
import { DocumentKind, DocumentStatus } from '../entity/entity.enums';
import { Entity, Money, Node } from '../entity/entity.type';

@ObjectType({
  implements: [Node, Entity],
  description:
    'An agreement, memorandum, contract or statement. When a source reports documents without naming them ' +
    '("five commercial agreements worth $565m"), one Document stands for the group: `count` says how many, ' +
    '`title` stays empty and `value` is the total as reported.',
})
export class Document extends Entity {
  @Field(() => DocumentKind, { description: 'What kind of document this is.' })
  kind!: DocumentKind;

  @Field(() => String, { nullable: true, description: 'The title, where the source gives one; never invented.' })
  title!: string | null;

  @Field(() => Int, { description: 'How many documents this entry stands for: 1, or the size of a reported group.' })
  count!: number;

  @Field(() => DocumentStatus, { description: 'Where the document stands.' })
  status!: DocumentStatus;

  @Field(() => PartialDateType, { nullable: true, description: 'When it was signed.' })
  signedOn!: PartialDate | null;

  @Field(() => PartialDateType, { nullable: true, description: 'When it entered into force.' })
  inForceOn!: PartialDate | null;

  @Field(() => Money, { nullable: true, description: 'The stated value (for a group, the stated total).' })
  value!: Money | null;
}
