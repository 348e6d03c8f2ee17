import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';

import type { Context } from '../request/request.context';
import { EntityResolverBase } from '../entity/entity.resolver';
import { Forum } from '../forum/forum.type';
import { Official } from '../official/official.type';
import { Party } from '../tie/party.type';
import { FigureFilter, FigureInput } from './figure.input';
import { Figure } from './figure.type';
import { FOLLOWS } from '../entity/entity.follows';

@Resolver(() => Figure)
export class FigureResolver extends EntityResolverBase({
  type: 'Figure',
  objectType: Figure,
  inputType: FigureInput,
  filterType: FigureFilter,
  one: 'figure',
  many: 'figures',
}) {
  @FieldResolver(() => [Party], { description: 'The parties the figure concerns (e.g. both trade partners).' })
  between(@Root() figure: Figure, @Ctx() ctx: Context) {
    return ctx.services.entity.neighbours(figure.id, FOLLOWS.Figure.between);
  }

  @FieldResolver(() => Party, { nullable: true, description: 'For a flow: where it comes from (the exporter).' })
  from(@Root() figure: Figure, @Ctx() ctx: Context) {
    return ctx.services.entity.neighbour(figure.id, FOLLOWS.Figure.from);
  }

  @FieldResolver(() => Party, { nullable: true, description: 'For a flow: where it goes to (the importer).' })
  to(@Root() figure: Figure, @Ctx() ctx: Context) {
    return ctx.services.entity.neighbour(figure.id, FOLLOWS.Figure.to);
  }

  @FieldResolver(() => Official, { nullable: true, description: 'The official who stated it.' })
  statedBy(@Root() figure: Figure, @Ctx() ctx: Context) {
    return ctx.services.entity.neighbour(figure.id, FOLLOWS.Figure.statedBy);
  }

  @FieldResolver(() => Forum, { nullable: true, description: 'The forum where it was stated.' })
  forum(@Root() figure: Figure, @Ctx() ctx: Context) {
    return ctx.services.entity.neighbour(figure.id, FOLLOWS.Figure.forum);
  }
}
