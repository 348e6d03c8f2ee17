import { IsOptional, Matches, MaxLength } from 'class-validator';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { Field, ID, InputType } from 'type-graphql';

import { ID_PATTERN } from '../entity/entity.input';

@InputType({ description: 'Which changes: every condition given must hold.' })
export class ChangeFilter {
  @Field(() => GraphQLDateTimeISO, { nullable: true, description: 'Made at or after this time.' })
  @IsOptional()
  since?: Date | null;

  @Field(() => GraphQLDateTimeISO, { nullable: true, description: 'Made at or before this time.' })
  @IsOptional()
  until?: Date | null;

  @Field(() => String, { nullable: true, description: 'Made by this actor (`key:<name>`, `jwt:<subject>`, `system`).' })
  @IsOptional()
  @MaxLength(300)
  actor?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Touched an entity of this type (`Document`) or a tie of this type (`BINDS`, `STATED_IN`).',
  })
  @IsOptional()
  @Matches(/^([A-Z][a-z]+|[A-Z_]+)$/, { message: '$property must be an entity type or a tie type' })
  type?: string | null;

  @Field(() => ID, { nullable: true, description: 'Touched this entity or one of its ties.' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: '$property must be an id like "region:kz"' })
  entity?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'Touched this region, a region within it, or an entity tied to one (a document binding it, a forum held in ' +
      'or involving it, an organization based in it, a figure about it).',
  })
  @IsOptional()
  @Matches(ID_PATTERN, { message: '$property must be an id like "region:cn-xj"' })
  region?: string | null;
}
