import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

import { PartialDate } from '../../graphql/partial-date';
import { Provenance } from '../entity/entity.type';
import { PARTY_ROLES, TIE_SPECS, TIE_TYPES, type TieType as TieTypeName } from '../entity/entity.model';

/** GraphQL enum mirroring the tie catalog, so clients see the same names Neo4j stores. */
export const TieType = Object.fromEntries(TIE_TYPES.map((type) => [type, type])) as { [K in TieTypeName]: K };
registerEnumType(TieType, {
  name: 'TieType',
  description: 'The kinds of tie between entities.',
  valuesConfig: Object.fromEntries(TIE_TYPES.map((type) => [type, { description: TIE_SPECS[type].description }])),
});

@ObjectType({
  description:
    'A tie between two entities, with its details and the sources that state it. `from`, `to` and `onBehalfOf` ' +
    'resolve to the entities.',
})
export class Tie {
  @Field(() => TieType, { description: 'What kind of tie.' })
  type!: TieTypeName;

  @Field(() => ID, { description: 'The id of the entity where the tie starts.' })
  fromId!: string;

  @Field(() => ID, { description: 'The id of the entity where the tie ends.' })
  toId!: string;

  @Field(() => String, { nullable: true, description: 'For a position: the title held.' })
  title!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "For attendance: the role (speaker, head of delegation…). For BINDS: the party's side, one of " +
      `${PARTY_ROLES.join(', ')} (PARTY where the source says no more).`,
  })
  role!: string | null;

  /** Resolved to the entity by `TieResolver.onBehalfOf`. */
  onBehalfOfId!: string | null;

  @Field(() => PartialDate, { nullable: true, description: 'For a position: since when.' })
  since!: PartialDate | null;

  @Field(() => PartialDate, { nullable: true, description: 'For a position: until when.' })
  until!: PartialDate | null;

  @Field(() => [Provenance], { description: 'The sources that state this tie.' })
  sources!: Provenance[];

  @Field(() => Int, { description: 'How many sources state this tie: a fact several reports confirm has several.' })
  sourceCount!: number;
}
