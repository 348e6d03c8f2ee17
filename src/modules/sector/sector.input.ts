import { InputType } from 'type-graphql';

import { EntityFilterInput, NamedEntityFieldsInput } from '../entity/entity.input';

@InputType({ description: 'A sector to create, or to resolve to an existing one by name.' })
export class SectorInput extends NamedEntityFieldsInput {}

@InputType({ description: 'Which sectors to list.' })
export class SectorFilter extends EntityFilterInput {}
