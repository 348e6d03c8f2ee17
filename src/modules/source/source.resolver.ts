import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';

import type { Context } from '../request/request.context';
import { EntityResolverBase } from '../entity/entity.resolver';
import { Entity } from '../entity/entity.type';
import { SourceFilter, SourceInput } from './source.input';
import { Source } from './source.type';
import { FOLLOWS } from '../entity/entity.follows';

@Resolver(() => Source)
export class SourceResolver extends EntityResolverBase({
  type: 'Source',
  objectType: Source,
  inputType: SourceInput,
  filterType: SourceFilter,
  one: 'source',
  many: 'sources',
}) {
  @FieldResolver(() => [Entity], { description: 'The entities this source states.' })
  statedEntities(@Root() source: Source, @Ctx() ctx: Context) {
    return ctx.services.entity.neighbours(source.id, FOLLOWS.Source.statedEntities);
  }
}
