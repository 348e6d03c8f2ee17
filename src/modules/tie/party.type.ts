import { createUnionType } from 'type-graphql';

import { byTypename } from '../entity/entity.type';
import { Organization } from '../organization/organization.type';
import { Region } from '../region/region.type';

export const Party = createUnionType({
  name: 'Party',
  description: 'Who can be party to a document or forum, or be acted for: a region or an organization.',
  types: () => [Region, Organization] as const,
  resolveType: byTypename,
});
