import {
  type FieldNode,
  getDirectiveValues,
  getNamedType,
  type GraphQLFieldMap,
  GraphQLIncludeDirective,
  type GraphQLNamedType,
  type GraphQLResolveInfo,
  GraphQLSkipDirective,
  isAbstractType,
  isObjectType,
  Kind,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';

import { FOLLOWS, type Follow, type FollowTable } from './entity.follows';
import { type EntityType, isEntityType } from './entity.model';
import { type PrefetchPlan, PrefetchPlanBuilder } from './entity.prefetch';

/**
 * Turns the selection under a root field into a `PrefetchPlan`: every relationship field the
 * request will resolve (per `FOLLOWS`), through fragments, aliases, unions and interfaces, and
 * the `sources` of entities. Fields it does not know are left to load on their own, so the plan
 * can only save queries, never change an answer.
 */
class SelectionPlanner {
  constructor(private readonly info: GraphQLResolveInfo) {}

  /** The plan for the entities a root field returns (`document(id)`, `node(id)`). */
  entities(): PrefetchPlan {
    const plan = new PrefetchPlanBuilder();
    this.addSelection(plan, this.info.fieldNodes, this.entityTypesOf(getNamedType(this.info.returnType)));
    return plan.build();
  }

  /** The plan for the entities on a connection page, asked for as `nodes` or `edges { node }`. */
  page(): PrefetchPlan {
    const connection = getNamedType(this.info.returnType);
    const plan = new PrefetchPlanBuilder();
    if (!isObjectType(connection)) return plan.build();
    const fields = connection.getFields();
    for (const nodes of this.fieldsOf(this.info.fieldNodes, connection.name).values()) {
      const field = fields[nodes[0]?.name.value ?? ''];
      if (!field) continue;
      const named = getNamedType(field.type);
      if (field.name === 'nodes') {
        this.addSelection(plan, nodes, this.entityTypesOf(named));
      } else if (field.name === 'edges' && isObjectType(named)) {
        for (const edgeNodes of this.fieldsOf(nodes, named.name).values()) {
          const edgeField = named.getFields()[edgeNodes[0]?.name.value ?? ''];
          if (edgeField?.name === 'node')
            this.addSelection(plan, edgeNodes, this.entityTypesOf(getNamedType(edgeField.type)));
        }
      }
    }
    return plan.build();
  }

  /** Adds what `nodes` select from entities of `types` at the position `plan` stands for. */
  private addSelection(plan: PrefetchPlanBuilder, nodes: readonly FieldNode[], types: readonly EntityType[]): void {
    plan.addTypes(types);
    const table: FollowTable = FOLLOWS;
    for (const type of types) {
      const objectType = this.info.schema.getType(type);
      if (!isObjectType(objectType)) continue;
      for (const fieldNodes of this.fieldsOf(nodes, type).values()) {
        const name = fieldNodes[0]?.name.value ?? '';
        const field = objectType.getFields()[name];
        if (!field) continue;
        if (name === 'sources') {
          plan.readSources();
          continue;
        }
        const follows = table[type]?.[name];
        if (!follows) continue;
        const named = getNamedType(field.type);
        for (const follow of ([] as readonly Follow[]).concat(follows)) {
          if (isObjectType(named) && named.name === 'Tie') {
            this.addTies(plan, type, follow, fieldNodes, named.getFields());
          } else {
            const next = this.entityTypesOf(named);
            this.addSelection(plan.follow(follow.tie, follow.direction, type).next, fieldNodes, next);
          }
        }
      }
    }
  }

  /**
   * A field of ties (signatures, positions, attendance): the tie's far end is the entity the
   * follow reaches, its near end the anchor itself, and `onBehalfOf` a party found by id.
   */
  private addTies(
    plan: PrefetchPlanBuilder,
    anchor: EntityType,
    follow: Follow,
    nodes: readonly FieldNode[],
    tieFields: GraphQLFieldMap<unknown, unknown>,
  ): void {
    const load = plan.follow(follow.tie, follow.direction, anchor);
    load.readDetails();
    const far = follow.direction === 'out' ? 'to' : 'from';
    for (const fieldNodes of this.fieldsOf(nodes, 'Tie').values()) {
      const name = fieldNodes[0]?.name.value ?? '';
      const field = tieFields[name];
      if (!field) continue;
      const types = this.entityTypesOf(getNamedType(field.type));
      if (name === far) this.addSelection(load.next, fieldNodes, types);
      else if (name === 'from' || name === 'to') this.addSelection(plan, fieldNodes, [anchor]);
      else if (name === 'onBehalfOf') this.addSelection(load.onBehalfOf(), fieldNodes, types);
    }
  }

  /** The entity types an object, interface or union type may stand for. */
  private entityTypesOf(type: GraphQLNamedType): EntityType[] {
    const names = isAbstractType(type)
      ? this.info.schema.getPossibleTypes(type).map((possible) => possible.name)
      : [type.name];
    return names.filter(isEntityType);
  }

  /**
   * The fields `nodes` select on an object of type `typeName`, by response key, as GraphQL
   * execution collects them: fragments whose type condition applies, `@skip` and `@include`.
   */
  private fieldsOf(nodes: readonly FieldNode[], typeName: string): Map<string, FieldNode[]> {
    const fields = new Map<string, FieldNode[]>();
    const spread = new Set<string>();
    const visit = (selectionSet: SelectionSetNode | undefined): void => {
      for (const selection of selectionSet?.selections ?? []) {
        if (!this.included(selection)) continue;
        switch (selection.kind) {
          case Kind.FIELD: {
            const key = selection.alias?.value ?? selection.name.value;
            fields.set(key, [...(fields.get(key) ?? []), selection]);
            break;
          }
          case Kind.INLINE_FRAGMENT:
            if (!selection.typeCondition || this.applies(selection.typeCondition.name.value, typeName)) {
              visit(selection.selectionSet);
            }
            break;
          case Kind.FRAGMENT_SPREAD: {
            const fragment = this.info.fragments[selection.name.value];
            if (!fragment || spread.has(fragment.name.value)) break;
            spread.add(fragment.name.value);
            if (this.applies(fragment.typeCondition.name.value, typeName)) visit(fragment.selectionSet);
            break;
          }
          default: {
            const unknown: never = selection;
            throw new Error(`unknown selection ${String(unknown)}`);
          }
        }
      }
    };
    for (const node of nodes) visit(node.selectionSet);
    return fields;
  }

  private applies(condition: string, typeName: string): boolean {
    if (condition === typeName) return true;
    const type = this.info.schema.getType(condition);
    return (
      type !== undefined &&
      isAbstractType(type) &&
      this.info.schema.getPossibleTypes(type).some((possible) => possible.name === typeName)
    );
  }

  private included(selection: SelectionNode): boolean {
    const variables = this.info.variableValues;
    if (getDirectiveValues(GraphQLSkipDirective, selection, variables)?.['if'] === true) return false;
    return getDirectiveValues(GraphQLIncludeDirective, selection, variables)?.['if'] !== false;
  }
}

/** What the rest of the request will read from the entities a root field returns. */
export function planForEntities(info: GraphQLResolveInfo): PrefetchPlan {
  return new SelectionPlanner(info).entities();
}

/** What the rest of the request will read from the entities on a connection page. */
export function planForPage(info: GraphQLResolveInfo): PrefetchPlan {
  return new SelectionPlanner(info).page();
}
