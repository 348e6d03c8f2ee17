import {
  ArrayMaxSize,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { Field, ID, InputType, registerEnumType } from 'type-graphql';

import { parsePartialDate } from '../../graphql/partial-date';
import { IsEntityId } from './entity.ids';

/** A quote is the words that state one fact: a sentence or two, not a page. */
export const MAX_QUOTE_LENGTH = 2000;

export const PARTIAL_DATE_MESSAGE = 'must be a real date as "YYYY", "YYYY-MM" or "YYYY-MM-DD"';
/** Names and aliases made only of punctuation fold to an empty key, which would match each other. */
const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Decorators shared by every optional partial-date input field. */
export function PartialDateField(description: string): PropertyDecorator {
  return (target, key) => {
    Field(() => String, { nullable: true, description: `${description} ("2023", "2023-03" or "2023-03-28").` })(
      target,
      key,
    );
    IsOptional()(target, key);
    // A pattern alone lets "2023-02-30" through, which would then be stored as no date at all.
    ValidateBy(
      {
        name: 'isPartialDate',
        validator: { validate: (value: unknown) => typeof value === 'string' && parsePartialDate(value) !== undefined },
      },
      { message: `$property ${PARTIAL_DATE_MESSAGE}` },
    )(target, key);
  };
}

@InputType({ description: 'Which source states a fact, and where in it.' })
export class StatementInput {
  @Field(() => ID, { description: 'The id of a Source already in the graph.' })
  @IsEntityId('Source')
  sourceId!: string;

  @Field(() => String, { nullable: true, description: 'Where in the source, e.g. "¶3" or "row 12".' })
  @IsOptional()
  @MaxLength(200)
  locator?: string | null;

  @Field(() => String, { nullable: true, description: 'The words of the source that state it, verbatim.' })
  @IsOptional()
  @Length(1, MAX_QUOTE_LENGTH)
  quote?: string | null;
}

/** The fields every entity input has. */
@InputType('EntityFieldsBase')
export abstract class EntityFieldsInput {
  @Field(() => ID, {
    nullable: true,
    description: 'A stable id (e.g. "region:kz"). Leave out to resolve by name and alias, or to derive one.',
  })
  @IsOptional()
  // Which type's prefix is the typed input's to say (the resolvers, and ingest for reports).
  @IsEntityId('any')
  id?: string | null;

  @Field(() => [String], { nullable: true, description: 'Other names and spellings.' })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 300, { each: true })
  @Matches(HAS_LETTER_OR_DIGIT, { each: true, message: 'each alias must contain a letter or digit' })
  aliases?: string[] | null;

  @Field(() => String, { nullable: true, description: 'A short description.' })
  @IsOptional()
  @MaxLength(4000)
  description?: string | null;

  @Field(() => StatementInput, { nullable: true, description: 'The source that states this entity, if any.' })
  @IsOptional()
  @ValidateNested()
  statedIn?: StatementInput | null;
}

/** Entities whose name is required (all but documents and figures, which can be unnamed). */
@InputType('NamedEntityFieldsBase')
export abstract class NamedEntityFieldsInput extends EntityFieldsInput {
  @Field({ description: 'The name to show.' })
  @IsString()
  @Length(1, 300)
  @Matches(HAS_LETTER_OR_DIGIT, { message: '$property must contain a letter or digit' })
  name!: string;
}

export enum ListOrder {
  NAME_ASC = 'NAME_ASC',
  NAME_DESC = 'NAME_DESC',
  DATE_ASC = 'DATE_ASC',
  DATE_DESC = 'DATE_DESC',
  VALUE_ASC = 'VALUE_ASC',
  VALUE_DESC = 'VALUE_DESC',
}
registerEnumType(ListOrder, {
  name: 'ListOrder',
  description: 'How to sort a list. DATE and VALUE use the date and value of the entity type, where it has one.',
});

@InputType('EntityFilterBase')
export abstract class EntityFilterInput {
  @Field(() => String, {
    nullable: true,
    description:
      'Name or alias contains this text (case- and accent-insensitive, punctuation ignored); it needs a letter or ' +
      'digit: text of only punctuation is refused, since it would match every name.',
  })
  @IsOptional()
  @MaxLength(200)
  // Folded, punctuation-only text is empty, and every name contains the empty text.
  @Matches(HAS_LETTER_OR_DIGIT, { message: '$property must contain a letter or digit' })
  text?: string | null;
}
