import { IsEnum, IsOptional } from 'class-validator';
import { Field, ID, InputType, registerEnumType } from 'type-graphql';

import { DocumentKind, DocumentStatus } from '../entity/entity.enums';
import { PartialDateField } from '../entity/entity.input';
import { IsEntityId } from '../entity/entity.ids';

export enum DocumentStatsGroupBy {
  KIND = 'KIND',
  SECTOR = 'SECTOR',
  YEAR = 'YEAR',
  REGION_PAIR = 'REGION_PAIR',
}
registerEnumType(DocumentStatsGroupBy, {
  name: 'DocumentStatsGroupBy',
  description: 'What to group document statistics by.',
  valuesConfig: {
    KIND: { description: 'The document kind.' },
    SECTOR: {
      description:
        'Each sector a document covers, or its group covers; a document in several sectors counts in each of them.',
    },
    YEAR: { description: 'The year signed ("undated" when the date is unknown).' },
    REGION_PAIR: {
      description:
        'Each unordered pair of regions a document binds (or its group binds); a document binding three regions ' +
        'counts in each of its three pairs.',
    },
  },
});

/** A part of a reported group shares the group's forum, parties and sectors, so filters look at the group too. */
@InputType({ description: 'Which documents to aggregate; every filter given must hold.' })
export class DocumentStatsFilter {
  @Field(() => ID, {
    nullable: true,
    description: 'Only documents signed at this forum, or an edition of this series.',
  })
  @IsOptional()
  @IsEntityId('Forum')
  forum?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only documents binding this region or one of its parts.' })
  @IsOptional()
  @IsEntityId('Region')
  region?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Only documents also binding this region or one of its parts: with `region`, those between the two.',
  })
  @IsOptional()
  @IsEntityId('Region')
  counterpart?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only documents binding this organization or a body within it.' })
  @IsOptional()
  @IsEntityId('Organization')
  organization?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only documents covering this sector.' })
  @IsOptional()
  @IsEntityId('Sector')
  sector?: string | null;

  @Field(() => [DocumentKind], { nullable: true, description: 'Only documents of these kinds.' })
  @IsOptional()
  @IsEnum(DocumentKind, { each: true })
  kinds?: DocumentKind[] | null;

  @Field(() => DocumentStatus, { nullable: true, description: 'Only documents with this status.' })
  @IsOptional()
  @IsEnum(DocumentStatus)
  status?: DocumentStatus | null;

  @PartialDateField('Only documents signed on or after')
  dateFrom?: string | null;

  @PartialDateField('Only documents signed on or before')
  dateTo?: string | null;
}
