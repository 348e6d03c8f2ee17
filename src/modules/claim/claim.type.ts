import { GraphQLDateTimeISO, GraphQLJSON } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';

import { Entity } from '../entity/entity.type';

@ObjectType({ description: 'One source’s statement of a fact on which sources disagree.' })
export class Claim {
  @Field({
    description:
      'The fact: `value`, `count`, `signedOn`, `status` (documents); `value`, `period`, `qualifier` (figures).',
  })
  field!: string;

  @Field(() => GraphQLJSON, {
    description:
      'What the source states, by stored column (e.g. `{"valueAmount": 565000000, "valueCurrency": "USD"}`).',
  })
  value!: Record<string, unknown>;

  @Field(() => ID, { nullable: true, description: 'The source; null for an edit that cited none.' })
  sourceId!: string | null;

  @Field(() => String, { nullable: true })
  locator!: string | null;

  @Field(() => String, { nullable: true, description: 'The words of the source, verbatim, where given.' })
  quote!: string | null;

  @Field(() => GraphQLDateTimeISO, { description: 'When the statement was recorded.' })
  recordedAt!: string;

  @Field({ description: 'Whether an editor preferred it (`preferClaim`).' })
  preferred!: boolean;

  @Field({ description: 'Whether the entity’s field shows it: the preferred claim, else the first stated.' })
  shown!: boolean;
}

@ObjectType({ description: 'An entity on which sources disagree: the facts in dispute and every claim of them.' })
export class Conflict {
  @Field(() => Entity)
  entity!: object;

  @Field(() => [String], { description: 'The facts whose claims disagree (`value`, `count`, `signedOn`, …).' })
  fields!: string[];

  @Field(() => [Claim], { description: 'The claims of those facts.' })
  claims!: Claim[];
}
