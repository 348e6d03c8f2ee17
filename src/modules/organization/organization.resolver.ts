import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';

import type { Context } from '../request/request.context';
import { Document } from '../document/document.type';
import { EntityResolverBase } from '../entity/entity.resolver';
import { Forum } from '../forum/forum.type';
import { Region } from '../region/region.type';
import { Tie } from '../tie/tie.type';
import { OrganizationFilter, OrganizationInput } from './organization.input';
import { Organization } from './organization.type';
import { FOLLOWS } from '../entity/entity.follows';

@Resolver(() => Organization)
export class OrganizationResolver extends EntityResolverBase({
  type: 'Organization',
  objectType: Organization,
  inputType: OrganizationInput,
  filterType: OrganizationFilter,
  one: 'organization',
  many: 'organizations',
}) {
  @FieldResolver(() => Region, { nullable: true, description: 'Where the organization is based.' })
  region(@Root() organization: Organization, @Ctx() ctx: Context) {
    return ctx.services.entity.neighbour(organization.id, FOLLOWS.Organization.region);
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The larger body this one belongs to.' })
  parent(@Root() organization: Organization, @Ctx() ctx: Context) {
    return ctx.services.entity.neighbour(organization.id, FOLLOWS.Organization.parent);
  }

  @FieldResolver(() => [Organization], { description: 'Bodies that belong to this one.' })
  parts(@Root() organization: Organization, @Ctx() ctx: Context) {
    return ctx.services.entity.neighbours(organization.id, FOLLOWS.Organization.parts);
  }

  @FieldResolver(() => [Tie], {
    description: 'Positions held in this organization (HOLDS ties), with titles and periods.',
  })
  positions(@Root() organization: Organization, @Ctx() ctx: Context) {
    return ctx.services.entity.ties(organization.id, FOLLOWS.Organization.positions);
  }

  @FieldResolver(() => [Document], { description: 'Documents this organization is a party to.' })
  documents(@Root() organization: Organization, @Ctx() ctx: Context) {
    return ctx.services.entity.neighbours(organization.id, FOLLOWS.Organization.documents);
  }

  @FieldResolver(() => [Forum], { description: 'Forums this organization took part in.' })
  forums(@Root() organization: Organization, @Ctx() ctx: Context) {
    return ctx.services.entity.neighbours(organization.id, FOLLOWS.Organization.forums);
  }
}
