import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';

import type { Context } from '../request/request.context';
import { Document } from '../document/document.type';
import { EntityResolverBase } from '../entity/entity.resolver';
import { Figure } from '../figure/figure.type';
import { Forum } from '../forum/forum.type';
import { Official } from '../official/official.type';
import { Organization } from '../organization/organization.type';
import { RegionFilter, RegionInput } from './region.input';
import { Region } from './region.type';
import { FOLLOWS } from '../entity/entity.follows';

@Resolver(() => Region)
export class RegionResolver extends EntityResolverBase({
  type: 'Region',
  objectType: Region,
  inputType: RegionInput,
  filterType: RegionFilter,
  one: 'region',
  many: 'regions',
}) {
  @FieldResolver(() => Region, { nullable: true, description: 'The region this one is part of (Xinjiang → China).' })
  parent(@Root() region: Region, @Ctx() ctx: Context) {
    return ctx.services.entity.neighbour(region.id, FOLLOWS.Region.parent);
  }

  @FieldResolver(() => [Region], { description: 'The regions that are part of this one.' })
  parts(@Root() region: Region, @Ctx() ctx: Context) {
    return ctx.services.entity.neighbours(region.id, FOLLOWS.Region.parts);
  }

  @FieldResolver(() => [Organization], { description: 'Organizations based in this region.' })
  organizations(@Root() region: Region, @Ctx() ctx: Context) {
    return ctx.services.entity.neighbours(region.id, FOLLOWS.Region.organizations);
  }

  @FieldResolver(() => [Document], { description: 'Documents this region is a party to.' })
  documents(@Root() region: Region, @Ctx() ctx: Context) {
    return ctx.services.entity.neighbours(region.id, FOLLOWS.Region.documents);
  }

  @FieldResolver(() => [Forum], { description: 'Forums held in this region.' })
  forumsHosted(@Root() region: Region, @Ctx() ctx: Context) {
    return ctx.services.entity.neighbours(region.id, FOLLOWS.Region.forumsHosted);
  }

  @FieldResolver(() => [Forum], { description: 'Forums this region took part in.' })
  forums(@Root() region: Region, @Ctx() ctx: Context) {
    return ctx.services.entity.neighbours(region.id, FOLLOWS.Region.forums);
  }

  @FieldResolver(() => [Figure], { description: 'Reported figures concerning this region.' })
  figures(@Root() region: Region, @Ctx() ctx: Context) {
    return ctx.services.entity.neighbours(region.id, FOLLOWS.Region.figures);
  }

  @FieldResolver(() => [Official], {
    description: 'Officials who hold a position in a body based here, or who signed or attended on its behalf.',
  })
  officials(@Root() region: Region, @Ctx() ctx: Context) {
    return ctx.services.region.officials(region.id);
  }
}
