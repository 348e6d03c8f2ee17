import { IsOptional, IsUrl, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';

import { EntityFilterInput, NamedEntityFieldsInput, PartialDateField } from '../entity/entity.input';

@InputType({ description: 'A source: `name` is its title.' })
export class SourceInput extends NamedEntityFieldsInput {
  @Field(() => String, { nullable: true, description: 'Who published it.' })
  @IsOptional()
  @MaxLength(300)
  publisher?: string | null;

  @Field(() => String, { nullable: true, description: 'Where it can be read (http or https).' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: '$property must be an http(s) URL' })
  url?: string | null;

  @PartialDateField('When it was published')
  publishedOn?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Which version of it: an edition, a release or a commit (datasets change between versions).',
  })
  @IsOptional()
  @MaxLength(200)
  version?: string | null;

  @Field(() => String, { nullable: true, description: 'How to cite it.' })
  @IsOptional()
  @MaxLength(2000)
  citation?: string | null;
}

@InputType({ description: 'Which sources to list.' })
export class SourceFilter extends EntityFilterInput {
  @PartialDateField('Published on or after')
  dateFrom?: string | null;

  @PartialDateField('Published on or before')
  dateTo?: string | null;
}
