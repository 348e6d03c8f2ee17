import { Field, ObjectType, registerEnumType } from 'type-graphql';

import { Document } from '../document/document.type';
import { Provenance } from '../entity/entity.type';
import { Forum } from '../forum/forum.type';
import { Official } from '../official/official.type';
import { Party } from '../tie/party.type';

export enum SigningOrder {
  DATE_DESC = 'DATE_DESC',
  DATE_ASC = 'DATE_ASC',
}
registerEnumType(SigningOrder, {
  name: 'SigningOrder',
  description: 'How to sort signings: by the date the document was signed (undated last when descending).',
});

@ObjectType({ description: 'One official signing a document, on behalf of a party.' })
export class Signature {
  @Field(() => Official, { description: 'The official who signed.' })
  signatory!: Official;

  @Field(() => Party, { nullable: true, description: 'The region or organization the official signed for.' })
  onBehalfOf!: typeof Party | null;

  @Field(() => [Provenance], { description: 'The sources that state this signature.' })
  sources!: Provenance[];
}

@ObjectType({
  description:
    'Who signed what with whom under which forum: one signature of one document, with the document, the forum ' +
    'it was signed at, its parties and the other signatures on it.',
})
export class Signing extends Signature {
  @Field(() => Document, { description: 'The document signed.' })
  document!: Document;

  @Field(() => Forum, {
    nullable: true,
    description: 'The forum the document was signed at (or, failing that, the forum of the group it belongs to).',
  })
  forum!: Forum | null;

  @Field(() => [Signature], { description: 'The other signatures on the same document, by signatory name.' })
  counterparts!: Signature[];

  @Field(() => [Party], {
    description: 'The regions and organizations the document binds (a part binds the parties of its group too).',
  })
  parties!: (typeof Party)[];
}
