import { Field, ObjectType } from 'type-graphql';

import { RegionKind } from '../entity/entity.enums';
import { Entity, Node } from '../entity/entity.type';

@ObjectType({
  implements: [Node, Entity],
  description: 'A country or a sub-national region (province, autonomous region, city).',
})
export class Region extends Entity {
  @Field(() => RegionKind, {
    description: 'Whether this is a country, a sub-national region, a city or a supranational area.',
  })
  kind!: RegionKind;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 code, for countries (e.g. KZ).' })
  iso2!: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-3 code, for countries (e.g. KAZ).' })
  iso3!: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 numeric code, for countries (e.g. 398).' })
  isoNumeric!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'ISO 3166-2 subdivision code, for sub-national regions (e.g. CN-XJ).',
  })
  isoSubdivision!: string | null;
}
