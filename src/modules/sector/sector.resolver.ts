import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';

import type { Context } from '../request/request.context';
import { Document } from '../document/document.type';
import { EntityResolverBase } from '../entity/entity.resolver';
import { SectorFilter, SectorInput } from './sector.input';
import { Sector } from './sector.type';
import { FOLLOWS } from '../entity/entity.follows';

@Resolver(() => Sector)
export class SectorResolver extends EntityResolverBase({
  type: 'Sector',
  objectType: Sector,
  inputType: SectorInput,
  filterType: SectorFilter,
  one: 'sector',
  many: 'sectors',
}) {
  @FieldResolver(() => [Document], { description: 'Documents covering this sector.' })
  documents(@Root() sector: Sector, @Ctx() ctx: Context) {
    return ctx.services.entity.neighbours(sector.id, FOLLOWS.Sector.documents);
  }
}
