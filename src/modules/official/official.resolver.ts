import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';

import type { Context } from '../request/request.context';
import { Document } from '../document/document.type';
import { EntityResolverBase } from '../entity/entity.resolver';
import { Figure } from '../figure/figure.type';
import { Forum } from '../forum/forum.type';
import { Tie } from '../tie/tie.type';
import { OfficialFilter, OfficialInput } from './official.input';
import { Official } from './official.type';
import { FOLLOWS } from '../entity/entity.follows';

@Resolver(() => Official)
export class OfficialResolver extends EntityResolverBase({
  type: 'Official',
  objectType: Official,
  inputType: OfficialInput,
  filterType: OfficialFilter,
  one: 'official',
  many: 'officials',
}) {
  @FieldResolver(() => [Tie], { description: 'Positions held (HOLDS ties): title, organization and period.' })
  positions(@Root() official: Official, @Ctx() ctx: Context) {
    return ctx.services.entity.ties(official.id, FOLLOWS.Official.positions);
  }

  @FieldResolver(() => [Tie], { description: 'Forums attended (ATTENDED ties), with role and the party represented.' })
  attendance(@Root() official: Official, @Ctx() ctx: Context) {
    return ctx.services.entity.ties(official.id, FOLLOWS.Official.attendance);
  }

  @FieldResolver(() => [Forum], { description: 'Forums attended.' })
  forums(@Root() official: Official, @Ctx() ctx: Context) {
    return ctx.services.entity.neighbours(official.id, FOLLOWS.Official.forums);
  }

  @FieldResolver(() => [Tie], { description: 'Signatures (SIGNED ties), with the party signed for.' })
  signatures(@Root() official: Official, @Ctx() ctx: Context) {
    return ctx.services.entity.ties(official.id, FOLLOWS.Official.signatures);
  }

  @FieldResolver(() => [Document], { description: 'Documents signed.' })
  signedDocuments(@Root() official: Official, @Ctx() ctx: Context) {
    return ctx.services.entity.neighbours(official.id, FOLLOWS.Official.signedDocuments);
  }

  @FieldResolver(() => [Figure], { description: 'Figures this official stated.' })
  statedFigures(@Root() official: Official, @Ctx() ctx: Context) {
    return ctx.services.entity.neighbours(official.id, FOLLOWS.Official.statedFigures);
  }
}
