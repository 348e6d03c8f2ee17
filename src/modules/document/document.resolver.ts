import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';

import type { Context } from '../request/request.context';
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

  @FieldResolver(() => [Party], {
    description: 'The regions and organizations it binds itself; see `inheritedParties` for those of its group.',
  })
  parties(@Root() document: Document, @Ctx() ctx: Context) {
    return ctx.services.entity.neighbours(document.id, FOLLOWS.Document.parties);
  }

  @FieldResolver(() => [Party], {
    description:
      'The parties it binds as a part of a reported group: those the groups it is part of bind that it does not ' +
      'bind itself. Filters and statistics count a part for these parties too.',
  })
  inheritedParties(@Root() document: Document, @Ctx() ctx: Context) {
    return ctx.services.document.inherited(document.id, FOLLOWS.Document.parties);
  }

  @FieldResolver(() => [Tie], {
    description:
      'The BINDS ties: each party with its side (`role`: INVESTOR, HOST, LENDER, BORROWER, BUYER, SELLER or PARTY) and the sources stating it.',
  })
  bindings(@Root() document: Document, @Ctx() ctx: Context) {
    return ctx.services.entity.ties(document.id, FOLLOWS.Document.bindings);
  }

  @FieldResolver(() => [Sector], {
    description: 'The sectors it covers itself (COVERS ties); see `inheritedSectors` for those of its group.',
  })
  sectors(@Root() document: Document, @Ctx() ctx: Context) {
    return ctx.services.entity.neighbours(document.id, FOLLOWS.Document.sectors);
  }

  @FieldResolver(() => [Sector], {
    description:
      'The sectors it covers as a part of a reported group: those of the groups it is part of that it does not ' +
      'cover itself. Filters and statistics count a part in these sectors too (docs/queries.md, "Reported groups").',
  })
  inheritedSectors(@Root() document: Document, @Ctx() ctx: Context) {
    return ctx.services.document.inherited(document.id, FOLLOWS.Document.sectors);
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
