import { Field, Float, Int, ObjectType } from 'type-graphql';

import { Entity } from '../entity/entity.type';
import { DocumentStatsGroupBy, DocumentStatsOrder } from './stats.input';

@ObjectType({ description: 'The summed stated value of some documents in one currency.' })
export class CurrencyTotal {
  @Field({ description: 'ISO 4217 currency code, e.g. USD.' })
  currency!: string;

  @Field(() => Float, { description: 'The sum of the stated values (a group counts with its stated total).' })
  amount!: number;

  @Field(() => Int, { description: 'How many entries have a value in this currency.' })
  entryCount!: number;

  @Field({ description: 'Whether every value summed was stated exactly (not "about", "over" or "up to").' })
  exact!: boolean;
}

@ObjectType({ description: 'Counts and values of the documents in one group.' })
export class DocumentStatsTotals {
  @Field(() => Int, {
    description: 'How many documents: the sum of `count`, so "5 agreements" reported as one entry counts 5.',
  })
  documentCount!: number;

  @Field(() => Int, { description: 'How many Document entries (a reported group is one entry).' })
  entryCount!: number;

  @Field(() => [CurrencyTotal], { description: 'The summed stated value, per currency.' })
  totalValue!: CurrencyTotal[];
}

@ObjectType({ description: 'One group of document statistics.' })
export class DocumentStatsRow extends DocumentStatsTotals {
  @Field({
    description:
      'What the group is: the kind, the id of the sector, region, organization, forum ("none" for none) or source, ' +
      'the year or month ("undated" for none, "2023-unknown" for a date known only to its year), the role, or the ' +
      'two region ids joined by "|". With `thenBy`, the two keys joined by "×" (e.g. "2023×sector:energy"), as ' +
      'listed in `keys`.',
  })
  key!: string;

  @Field(() => [String], { description: 'The key of each grouping: one, or two with `thenBy`.' })
  keys!: string[];

  @Field({
    description:
      'The group in words: the kind, a name, the year, "March 2023", or "China – Kazakhstan"; with `thenBy`, both ' +
      'joined by " × " ("2023 × Energy").',
  })
  label!: string;

  @Field(() => [String], {
    description:
      'The names behind the key (the sector, the region, the two regions), else the label; of both groupings.',
  })
  labels!: string[];

  @Field(() => [Entity], {
    description:
      'The entities of the group (a sector, a region, two regions …) of both groupings; none for kinds and dates.',
  })
  entities!: Entity[];

  @Field({
    description:
      'Whether a document of this row is in another row too (a document in two sectors, or binding two regions), ' +
      'listed or not: then the rows add up to more than `total`.',
  })
  shared!: boolean;
}

@ObjectType({
  description:
    'Document counts and values grouped one way, or two. A PACKAGE document (a reported total) counts through its ' +
    'parts where the graph has them, which share its forum, parties and sectors, and as itself where it has none: ' +
    'nothing is counted twice, and no package is lost.',
})
export class DocumentStats {
  @Field(() => DocumentStatsGroupBy, { description: 'How the rows are grouped.' })
  groupBy!: DocumentStatsGroupBy;

  @Field(() => DocumentStatsGroupBy, {
    nullable: true,
    description: 'How the rows are grouped within that, if at all.',
  })
  thenBy!: DocumentStatsGroupBy | null;

  @Field(() => DocumentStatsOrder, { description: 'How the rows are ordered.' })
  orderBy!: DocumentStatsOrder;

  @Field(() => [DocumentStatsRow], {
    description: 'The groups, in `orderBy` order, at most `first` of them.',
  })
  rows!: DocumentStatsRow[];

  @Field(() => Int, { description: 'How many groups there are in all, listed in `rows` or not (`first`).' })
  rowCount!: number;
}
