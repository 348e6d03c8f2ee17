import { IsOptional, Matches, MaxLength } from 'class-validator';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { Field, ID, InputType } from 'type-graphql';

import { IsEntityId } from '../entity/entity.ids';

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
    description: 'Touched an entity of this type (`DOCUMENT`) or a tie of this type (`BINDS`, `STATED_IN`).',
  })
  @IsOptional()
  @Matches(/^[A-Z_]+$/, { message: '$property must be an entity type (DOCUMENT) or a tie type (BINDS)' })
  type?: string | null;

  @Field(() => ID, { nullable: true, description: 'Touched this entity or one of its ties.' })
  @IsOptional()
  @IsEntityId('any')
  entity?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'Touched this region, a region within it, or an entity tied to one (a document binding it, a forum held in ' +
      'or involving it, an organization based in it, a figure about it).',
  })
  @IsOptional()
  @IsEntityId('Region')
  region?: string | null;
}
