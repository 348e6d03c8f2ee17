import { IsOptional, MaxLength, ValidateNested } from 'class-validator';
import { ArgsType, Field } from 'type-graphql';

import { SourceInput } from '../source/source.input';

/** The longest text `extractReport` drafts, in characters: a long article, well under the request size limit. */
export const MAX_EXTRACT_TEXT = 100_000;

@ArgsType()
export class ExtractReportArgs {
  @Field({
    description: `The text: a headline, then paragraphs separated by blank lines (at most ${MAX_EXTRACT_TEXT} characters).`,
  })
  @MaxLength(MAX_EXTRACT_TEXT, { message: `$property must be at most ${MAX_EXTRACT_TEXT} characters` })
  text!: string;

  @Field(() => SourceInput, {
    nullable: true,
    description: 'The source the text comes from; its publishedOn resolves relative dates ("last year", "on Tuesday").',
  })
  @IsOptional()
  @ValidateNested()
  source?: SourceInput | null;
}
