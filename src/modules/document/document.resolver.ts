import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';

import type { Context } from '../../context';
import { EntityResolverBase } from '../entity/entity.resolver';
import { Forum } from '../forum/forum.type';
import { Official } from '../official/official.type';
import { Sector } from '../sector/sector.type';
import { Party } from '../tie/party.type';
import { Tie } from '../tie/tie.type';
import { DocumentFilter, DocumentInput } from './document.input';
import { Document } from './document.type';
import { FOLLOWS } from '../entity/entity.follows';

@Resolver(() => Document)
export class DocumentResolver extends EntityResolverBase({
  type: 'Document',
  objectType: Document,
  inputType: DocumentInput,
  filterType: DocumentFilter,
  one: 'document',
  many: 'documents',
}) {
  @FieldResolver(() => Forum, { nullable: true, description: 'The forum it was signed at.' })
  forum(@Root() document: Document, @Ctx() ctx: Context) {
    return ctx.services.entity.neighbour(document.id, FOLLOWS.Document.forum);
  }

  @FieldResolver(() => [Party], { description: 'The regions and organizations it binds.' })
  parties(@Root() document: Document, @Ctx() ctx: Context) {
    return ctx.services.entity.neighbours(document.id, FOLLOWS.Document.parties);
  }

  @FieldResolver(() => [Tie], {
    description:
      'The BINDS ties: each party with its side (`role`: INVESTOR, HOST, LENDER, BORROWER, BUYER, SELLER or PARTY) and the sources stating it.',
  })
  bindings(@Root() document: Document, @Ctx() ctx: Context) {
    return ctx.services.entity.ties(document.id, FOLLOWS.Document.bindings);
  }

  @FieldResolver(() => [Sector], { description: 'The sectors it covers.' })
  sectors(@Root() document: Document, @Ctx() ctx: Context) {
    return ctx.services.entity.neighbours(document.id, FOLLOWS.Document.sectors);
  }

  @FieldResolver(() => [Tie], { description: 'Signatures (SIGNED ties): who signed, on whose behalf.' })
  signatures(@Root() document: Document, @Ctx() ctx: Context) {
    return ctx.services.entity.ties(document.id, FOLLOWS.Document.signatures);
  }

  @FieldResolver(() => [Official], { description: 'The officials who signed it.' })
  signatories(@Root() document: Document, @Ctx() ctx: Context) {
    return ctx.services.entity.neighbours(document.id, FOLLOWS.Document.signatories);
  }

  @FieldResolver(() => Document, { nullable: true, description: 'The reported group this document belongs to.' })
  partOf(@Root() document: Document, @Ctx() ctx: Context) {
    return ctx.services.entity.neighbour(document.id, FOLLOWS.Document.partOf);
  }

  @FieldResolver(() => [Document], { description: 'For a reported group: the documents or sub-groups in it.' })
  parts(@Root() document: Document, @Ctx() ctx: Context) {
    return ctx.services.entity.neighbours(document.id, FOLLOWS.Document.parts);
  }
}
