import { Field, Float, ObjectType, registerEnumType } from 'type-graphql';

import { Entity } from '../entity/entity.type';
import type { SearchMatch as SearchMatchName } from './search.repository';

export enum SearchMatch {
  NAME = 'NAME',
  ALIAS = 'ALIAS',
  NAME_PREFIX = 'NAME_PREFIX',
  ALIAS_PREFIX = 'ALIAS_PREFIX',
  WORD_PREFIX = 'WORD_PREFIX',
  TEXT = 'TEXT',
}

registerEnumType(SearchMatch, {
  name: 'SearchMatch',
  description: 'How a search hit matched the text, best first; hits are ranked by this before relevance.',
  valuesConfig: {
    NAME: { description: 'The whole name is the text (case and accents aside).' },
    ALIAS: { description: 'An alias is the text.' },
    NAME_PREFIX: { description: 'The name starts with the text.' },
    ALIAS_PREFIX: { description: 'An alias starts with the text.' },
    WORD_PREFIX: { description: 'Every word of the text starts a word of the name.' },
    TEXT: { description: 'The words are found in the name or aliases some other way.' },
  },
});

@ObjectType({ description: 'An entity found by full-text search, with how well it matched.' })
export class SearchHit {
  @Field(() => Entity, { description: 'The entity found.' })
  entity!: Entity;

  @Field(() => SearchMatch, { description: 'How the entity matched; hits come in this order, best first.' })
  match!: SearchMatchName;

  @Field(() => Float, {
    description:
      'The rank as one number, higher is better: the kind of match (6 a whole name … 1 words found elsewhere) ' +
      'plus the full-text relevance as a fraction. Only comparable within one search.',
  })
  score!: number;
}
