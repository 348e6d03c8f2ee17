import {
  Arg,
  Args,
  Authorized,
  type ClassType,
  Ctx,
  FieldResolver,
  ID,
  Info,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';

import type { GraphQLResolveInfo } from 'graphql';

import type { Context } from '../request/request.context';
import { BadUserInputError } from '../../errors';
import { Connection, PageArgs } from '../../graphql/pagination';
import { planForEntities, planForPage } from './entity.planner';
import { Role } from '../auth/auth.roles';
import { claimsOf } from '../claim/claim.service';
import { Claim } from '../claim/claim.type';
import type { TypedEntityInput } from './entity.specs';
import { entityIdArg, idProblem } from './entity.ids';
import { ListOrder } from './entity.input';
import { Entity, Node, Provenance } from './entity.type';
import { distinctSources } from './entity.model';

export interface EntityResolverOptions<T extends object, Input extends object, Filter extends object> {
  readonly type: TypedEntityInput['type'];
  readonly objectType: ClassType<T>;
  readonly inputType: ClassType<Input>;
  readonly filterType: ClassType<Filter>;
  /** The root field names: `region` and `regions`. */
  readonly one: string;
  readonly many: string;
}

/**
 * What every entity type's API has: by id, a filtered keyset list, create/update/delete and the
 * `sources` field. Each entity resolver extends the class this returns (type-graphql resolver
 * inheritance), adding its own relationship fields.
 */
export function EntityResolverBase<T extends object, Input extends object, Filter extends object>(
  options: EntityResolverOptions<T, Input, Filter>,
) {
  const { type, objectType, inputType, filterType } = options;
  const ConnectionType = Connection(objectType, type);
  const typed = (input: Input) => ({ type, input }) as TypedEntityInput;
  // The input type is shared by all entity types' ids; the prefix is this type's.
  const checkInputId = (input: Input): void => {
    const id = (input as { id?: string | null }).id;
    const problem = id === undefined || id === null ? undefined : idProblem(id, type);
    if (problem !== undefined) throw BadUserInputError.forField('input.id', problem);
  };

  @Resolver(() => objectType)
  abstract class EntityResolver {
    @Query(() => objectType, { name: options.one, nullable: true, description: `A ${type} by id.` })
    one(
      @Arg('id', () => ID, entityIdArg('id', type)) id: string,
      @Ctx() ctx: Context,
      @Info() info: GraphQLResolveInfo,
    ) {
      return ctx.services.entity.findOfType(type, id, planForEntities(info));
    }

    @Query(() => ConnectionType, {
      name: options.many,
      description: `${type} entities, filtered and sorted, a page at a time.`,
    })
    many(
      @Args(() => PageArgs) page: PageArgs,
      @Ctx() ctx: Context,
      @Info() info: GraphQLResolveInfo,
      @Arg('filter', () => filterType, { nullable: true }) filter?: Filter,
      @Arg('orderBy', () => ListOrder, { defaultValue: ListOrder.NAME_ASC }) orderBy: ListOrder = ListOrder.NAME_ASC,
    ) {
      return ctx.services.entity.list(type, filter, orderBy, page, planForPage(info));
    }

    @FieldResolver(() => [Claim], {
      description:
        'What each source states of a fact on which sources disagree (`field`: value, count, signedOn, status; ' +
        'for figures value, period, qualifier), all facts when left out; empty while no source contradicted another.',
    })
    claims(
      @Root() entity: Record<string, unknown>,
      @Arg('field', () => String, { nullable: true }) field?: string | null,
    ) {
      return claimsOf(entity, field);
    }

    @FieldResolver(() => [Provenance], { description: 'The sources that state this entity, with locators.' })
    sources(@Root() entity: { id: string }, @Ctx() ctx: Context) {
      return ctx.services.entity.provenance(entity.id);
    }

    @FieldResolver(() => Int, {
      description: 'How many sources state this entity: a fact several reports confirm has several.',
    })
    async sourceCount(@Root() entity: { id: string }, @Ctx() ctx: Context) {
      return distinctSources(await ctx.services.entity.provenance(entity.id));
    }

    @Authorized(Role.Editor)
    @Mutation(() => objectType, {
      name: `create${type}`,
      description: `Creates a ${type}; fails with CONFLICT when its id, name or an alias already names one.`,
    })
    async create(@Arg('input', () => inputType) input: Input, @Ctx() ctx: Context) {
      checkInputId(input);
      const id = await ctx.services.write.createEntity(typed(input));
      return ctx.services.entity.get(type, id);
    }

    @Authorized(Role.Editor)
    @Mutation(() => objectType, { name: `update${type}`, description: `Replaces the fields and aliases of a ${type}.` })
    async update(
      @Arg('id', () => ID, entityIdArg('id', type)) id: string,
      @Arg('input', () => inputType) input: Input,
      @Ctx() ctx: Context,
    ) {
      checkInputId(input);
      await ctx.services.write.updateEntity(id, typed(input));
      return ctx.services.entity.get(type, id);
    }

    @Authorized(Role.Editor)
    @Mutation(() => ID, { name: `delete${type}`, description: `Deletes a ${type} and all its ties; returns its id.` })
    async delete(@Arg('id', () => ID, entityIdArg('id', type)) id: string, @Ctx() ctx: Context) {
      await ctx.services.write.deleteEntity(type, id);
      return id;
    }
  }
  return EntityResolver;
}

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any entity by its global id (Relay).' })
  node(
    @Arg('id', () => ID, entityIdArg('id', 'any')) id: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return ctx.services.entity.find(id, planForEntities(info));
  }

  @Query(() => Entity, { nullable: true, description: 'Any entity by its id, with the fields all entities share.' })
  entity(
    @Arg('id', () => ID, entityIdArg('id', 'any')) id: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return ctx.services.entity.find(id, planForEntities(info));
  }
}
