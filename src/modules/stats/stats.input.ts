import { IsEnum, IsOptional } from 'class-validator';
import { Field, ID, InputType, registerEnumType } from 'type-graphql';

import { BadUserInputError } from '../../errors';
import { DocumentKind, DocumentStatus } from '../entity/entity.enums';
import { PartialDateField } from '../entity/entity.input';
import { IsEntityId } from '../entity/entity.ids';

export enum DocumentStatsGroupBy {
  KIND = 'KIND',
  SECTOR = 'SECTOR',
  YEAR = 'YEAR',
  MONTH = 'MONTH',
  REGION = 'REGION',
  REGION_PAIR = 'REGION_PAIR',
  ORGANIZATION = 'ORGANIZATION',
  FORUM = 'FORUM',
  SOURCE = 'SOURCE',
  ROLE = 'ROLE',
}
registerEnumType(DocumentStatsGroupBy, {
  name: 'DocumentStatsGroupBy',
  description:
    "What to group document statistics by. A part of a reported group (PACKAGE) has its group's forum, parties, " +
    'sectors and sources as well as its own.',
  valuesConfig: {
    KIND: { description: 'The document kind.' },
    SECTOR: {
      description:
        'Each sector a document covers, or its group covers; a document in several sectors counts in each of them.',
    },
    YEAR: { description: 'The year signed ("undated" when the date is unknown).' },
    MONTH: {
      description:
        'The month signed, "2023-03"; a date known only to its year is keyed "2023-unknown" (labelled "2023 (month ' +
        'unknown)", after the months of 2023), an unknown date "undated".',
    },
    REGION: {
      description:
        'Each region a document binds (or its group binds); with `countries`, as the country it is part of; with ' +
        '`organizationRegions`, also the region each bound organization is BASED_IN.',
    },
    REGION_PAIR: {
      description:
        'Each unordered pair of regions a document binds (or its group binds); a document binding three regions ' +
        'counts in each of its three pairs. Not combined with `thenBy`.',
    },
    ORGANIZATION: {
      description: 'Each organization a document binds (or its group binds); documents binding none are in no row.',
    },
    FORUM: {
      description:
        'The forum a document (or its group) was signed at, the edition itself rather than its series; documents ' +
        'signed at no forum are in one row keyed "none".',
    },
    SOURCE: { description: 'Each source stating the document (or its group).' },
    ROLE: {
      description:
        "Each side a document's parties take (BINDS role: PARTY, INVESTOR, HOST …); a tie stored without one reads " +
        'as PARTY.',
    },
  },
});

export enum DocumentStatsOrder {
  COUNT_DESC = 'COUNT_DESC',
  VALUE_DESC = 'VALUE_DESC',
  KEY_ASC = 'KEY_ASC',
}
registerEnumType(DocumentStatsOrder, {
  name: 'DocumentStatsOrder',
  description: 'How the rows of document statistics are ordered; ties go by label.',
  valuesConfig: {
    COUNT_DESC: { description: 'Most documents first (the default, except by YEAR or MONTH).' },
    VALUE_DESC: {
      description:
        'Largest USD total first, then largest total in any currency (the amounts of all currencies added up as ' +
        'they are, not converted), then most documents.',
    },
    KEY_ASC: {
      description:
        'By key ascending, grouping by grouping: years and months in time order, undated last (the default by ' +
        'YEAR or MONTH).',
    },
  },
});

/** The most rows `first` lists, of document and of figure statistics. */
export const MAX_STATS_ROWS = 1000;

/** The check of a statistics query's `first` argument. */
export function validateFirstRows(value: unknown): void {
  if (value === null || value === undefined) return;
  if (typeof value !== 'number' || value < 1 || value > MAX_STATS_ROWS) {
    throw BadUserInputError.forField('first', `must be from 1 to ${MAX_STATS_ROWS}, not ${JSON.stringify(value)}`);
  }
}

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

  // An imported dataset is a source (its mapping's `source`), so this filters by dataset as well.
  @Field(() => ID, {
    nullable: true,
    description: 'Only documents stated by this source (or a dataset imported as it), or parts of a group it states.',
  })
  @IsOptional()
  @IsEntityId('Source')
  source?: string | null;

  @PartialDateField('Only documents signed on or after')
  dateFrom?: string | null;

  @PartialDateField('Only documents signed on or before')
  dateTo?: string | null;
}
