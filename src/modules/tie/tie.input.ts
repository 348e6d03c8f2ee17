import { IsEnum, IsOptional, Length, MaxLength, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

import { PartialDateField, StatementInput } from '../entity/entity.input';
import { PARTY_ROLES, type TieType as TieTypeName } from '../entity/entity.model';
import { TieType } from './tie.type';
import { IsEntityId } from '../entity/entity.ids';

/** Tie details; which of them a tie type takes is checked against the tie catalog. */
@InputType('TieDetailsBase')
export abstract class TieDetailsInput {
  @Field(() => TieType, { description: 'What kind of tie.' })
  @IsEnum(TieType)
  type!: TieTypeName;

  @Field(() => String, { nullable: true, description: 'HOLDS only: the title of the position.' })
  @IsOptional()
  @Length(1, 300)
  title?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "ATTENDED: the role (speaker, head of delegation…). BINDS: the party's side, one of " +
      `${PARTY_ROLES.join(', ')}.`,
  })
  @IsOptional()
  @Length(1, 200)
  role?: string | null;

  @PartialDateField('HOLDS only: since when')
  since?: string | null;

  @PartialDateField('HOLDS only: until when')
  until?: string | null;
}

@InputType({ description: 'A tie between two entities already in the graph.' })
export class TieInput extends TieDetailsInput {
  @Field(() => ID, { description: 'The id of the entity the tie starts from.' })
  @IsEntityId('any')
  from!: string;

  @Field(() => ID, { description: 'The id of the entity the tie goes to.' })
  @IsEntityId('any')
  to!: string;

  @Field(() => ID, { nullable: true, description: 'SIGNED and ATTENDED only: the id of the party acted for.' })
  @IsOptional()
  @IsEntityId(['Region', 'Organization'])
  onBehalfOf?: string | null;

  @Field(() => StatementInput, { nullable: true, description: 'The source that states this tie.' })
  @IsOptional()
  @ValidateNested()
  statedIn?: StatementInput | null;
}

@InputType({ description: 'Which tie to delete: its type, ends and, for positions, the title.' })
export class TieKeyInput {
  @Field(() => TieType, { description: 'What kind of tie.' })
  @IsEnum(TieType)
  type!: TieTypeName;

  @Field(() => ID, { description: 'The id of the entity the tie starts from.' })
  @IsEntityId('any')
  from!: string;

  @Field(() => ID, { description: 'The id of the entity the tie goes to.' })
  @IsEntityId('any')
  to!: string;

  @Field(() => String, { nullable: true, description: 'HOLDS only: the title of the position.' })
  @IsOptional()
  @MaxLength(300)
  title?: string | null;
}
