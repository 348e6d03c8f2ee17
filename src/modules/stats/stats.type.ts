import { Field, Float, Int, ObjectType } from 'type-graphql';

import { Entity } from '../entity/entity.type';
import { DocumentStatsGroupBy } from './stats.input';

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
      'What the group is: the kind, the sector id, the year ("undated" for none), or the two region ids joined ' +
      'by "|".',
  })
  key!: string;

  @Field({ description: 'The group in words: the kind, sector name, year, or "China – Kazakhstan".' })
  label!: string;

  @Field(() => [String], { description: 'The names behind the key: the sector, or the two regions; else the label.' })
  labels!: string[];

  @Field(() => [Entity], { description: 'The sector or the two regions of the group; empty for kinds and years.' })
  entities!: Entity[];
}

@ObjectType({
  description:
    'Document counts and values grouped one way. A PACKAGE document (a reported total) counts through its parts ' +
    'where the graph has them, which share its forum, parties and sectors, and as itself where it has none: ' +
    'nothing is counted twice, and no package is lost.',
})
export class DocumentStats {
  @Field(() => DocumentStatsGroupBy, { description: 'How the rows are grouped.' })
  groupBy!: DocumentStatsGroupBy;

  @Field(() => [DocumentStatsRow], {
    description: 'The groups: by year ascending, else by document count, largest first.',
  })
  rows!: DocumentStatsRow[];
}
