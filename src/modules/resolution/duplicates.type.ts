import { Field, Float, ID, Int, InterfaceType, ObjectType, registerEnumType } from 'type-graphql';

import { PageInfo } from '../../graphql/pagination';
import { NameMeasure } from './duplicates.score';

registerEnumType(NameMeasure, {
  name: 'NameMeasure',
  description: 'How two names were found alike, from the strongest sign of one entity to the weakest.',
  valuesConfig: {
    SAME_NAME: { description: 'The same once case, accents and punctuation are folded.' },
    WORD_ORDER: { description: 'The same words in another order ("Zhumangarin Serik").' },
    WITHOUT_LEGAL_FORM: {
      description: 'The same once legal forms and connecting words are dropped ("BaoSteel Group" / "Baosteel").',
    },
    INITIALS: { description: 'Initials where the other has whole words ("S. Zhumangarin" / "Serik Zhumangarin").' },
    ACRONYM: { description: 'One is the initials of the other’s words ("UAE" / "United Arab Emirates").' },
    JARO_WINKLER: {
      description:
        'Jaro-Winkler similarity (the string-comparison package) of names whose words pair up, some misspelt.',
    },
    TOKEN_OVERLAP: {
      description: 'The share of the longer name’s words that pair with one of the other’s (equal or misspelt).',
    },
  },
});

/** Reasons are told apart by their `kind`, which is their GraphQL type's name. */
const byKind = (value: object): string | undefined =>
  'kind' in value && typeof value.kind === 'string' ? value.kind : undefined;

@InterfaceType({
  description:
    'Why two entities may be one, or why not: the score of a candidate is the sum of its reasons’ weights, ' +
    'kept within [0, 1].',
  resolveType: byKind,
})
export abstract class DuplicateReason {
  @Field(() => Float, {
    description: 'What it adds to the score; negative for facts that argue against (two ISO codes, two terms).',
  })
  weight!: number;
}

@ObjectType({ implements: DuplicateReason, description: 'The most alike pair of names (names and aliases).' })
export class NameSimilarity extends DuplicateReason {
  @Field(() => NameMeasure)
  measure!: NameMeasure;

  @Field(() => Float, { description: 'In [0, 1]; it is the weight.' })
  similarity!: number;

  @Field({ description: 'The name of the left entity compared.' })
  leftName!: string;

  @Field({ description: 'The name of the right entity compared.' })
  rightName!: string;
}

@ObjectType({ implements: DuplicateReason, description: 'Names (or aliases) both entities go by.' })
export class SharedName extends DuplicateReason {
  @Field(() => [String])
  names!: string[];
}

@ObjectType({
  implements: DuplicateReason,
  description: 'A region, organization or forum both are tied to (same organization, forum or country).',
})
export class SharedNeighbour extends DuplicateReason {
  @Field(() => ID)
  neighbourId!: string;

  @Field({ description: 'Its type: Region, Organization or Forum.' })
  neighbourType!: string;
}

@ObjectType({ implements: DuplicateReason, description: 'The same ISO code (counted once however many agree).' })
export class SameCode extends DuplicateReason {
  @Field({ description: '`iso2`, `iso3`, `isoNumeric` or `isoSubdivision`.' })
  field!: string;

  @Field()
  value!: string;
}

@ObjectType({ implements: DuplicateReason, description: 'Two different ISO codes: argues against.' })
export class DifferentCode extends DuplicateReason {
  @Field()
  field!: string;

  @Field()
  left!: string;

  @Field()
  right!: string;
}

@ObjectType({ implements: DuplicateReason, description: 'Two different kinds (a city and a country): argues against.' })
export class DifferentKind extends DuplicateReason {
  @Field()
  left!: string;

  @Field()
  right!: string;
}

@ObjectType({ implements: DuplicateReason, description: 'Forums of two different years: argues against.' })
export class DifferentYear extends DuplicateReason {
  @Field()
  left!: string;

  @Field()
  right!: string;
}

@ObjectType({
  implements: DuplicateReason,
  description: 'One post in one organization held in two terms that do not overlap (successors): argues against.',
})
export class DifferentTerms extends DuplicateReason {
  @Field(() => ID)
  organizationId!: string;

  @Field({ description: 'The title, folded.' })
  title!: string;

  @Field({ description: 'The left entity’s term, `since – until` (`?` where not stated).' })
  left!: string;

  @Field()
  right!: string;
}

@ObjectType({
  implements: DuplicateReason,
  description: 'Names that differ in their numbers ("Forum 2023" / "Forum 2024", "no. 12" / "no. 13"): argues against.',
})
export class DifferentNumber extends DuplicateReason {
  @Field({ description: 'The numbers of the left name.' })
  left!: string;

  @Field()
  right!: string;
}

@ObjectType({ description: 'Two entities of one type that are probably one, with the reasons for and against.' })
export class DuplicateCandidate {
  @Field(() => ID, { description: 'The two ids, left first (in id order), joined by a space.' })
  id!: string;

  @Field(() => ID)
  leftId!: string;

  @Field(() => ID)
  rightId!: string;

  @Field(() => Float, { description: 'In [0, 1]: the sum of the reasons’ weights.' })
  score!: number;

  @Field(() => [DuplicateReason])
  reasons!: DuplicateReason[];
}

@ObjectType({ description: 'The bounds of the search.' })
export class DuplicateLimits {
  @Field(() => Int, { description: 'Entities of the type read at most.' })
  entities!: number;

  @Field(() => Int, { description: 'A blocking key shared by more entities says too little: its pairs are skipped.' })
  blockSize!: number;

  @Field(() => Int, { description: 'Pairs compared at most.' })
  comparisons!: number;

  @Field(() => Int, { description: 'Entities whose neighbours and posts are read at most.' })
  surroundings!: number;
}

@ObjectType({ description: 'How much work the search did, and whether a limit cut it.' })
export class DuplicateWork {
  @Field(() => Int, { description: 'Entities of the type read.' })
  entities!: number;

  @Field(() => Int, { description: 'Blocking keys (names alike in one way: initials and surname, word set, …).' })
  blocks!: number;

  @Field(() => Int, { description: 'Blocks skipped for holding more than `limits.blockSize` entities.' })
  oversizedBlocks!: number;

  @Field(() => Int, { description: 'Pairs compared: only pairs that share a block, never all pairs.' })
  comparisons!: number;

  @Field({ description: 'Whether a limit cut the search; the candidates are then not all there are.' })
  capped!: boolean;

  @Field(() => DuplicateLimits)
  limits!: DuplicateLimits;
}

@ObjectType('DuplicateCandidateEdge', { description: 'One candidate in a page, with its cursor.' })
export class DuplicateCandidateEdge {
  @Field(() => DuplicateCandidate)
  node!: DuplicateCandidate;

  @Field()
  cursor!: string;
}

@ObjectType('DuplicateCandidateConnection', { description: 'A page of duplicate candidates, best first.' })
export class DuplicateCandidateConnection {
  @Field(() => [DuplicateCandidateEdge])
  edges!: DuplicateCandidateEdge[];

  @Field(() => [DuplicateCandidate])
  nodes!: DuplicateCandidate[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'How many candidates score at least `minScore`, across all pages.' })
  totalCount!: Promise<number>;

  @Field(() => DuplicateWork)
  work!: DuplicateWork;
}
