import { ValidateBy } from 'class-validator';
import type { ArgOptions } from 'type-graphql';

import { BadUserInputError } from '../../errors';
import { ENTITY_TYPES, type EntityType, ID_PREFIX } from './entity.model';

/** The shape of every id: a lower-case type prefix, a colon, then letters, digits, `.`, `_`, `~`, `-`. */
export const ID_PATTERN = /^[a-z]+:[\p{L}\p{N}._~-]{1,120}$/u;

/** What an id argument names: one entity type, one of a few, or any entity. */
export type IdOf = EntityType | readonly EntityType[] | 'any';

const EXAMPLE: Record<EntityType, string> = {
  Official: 'official:serik-zhumangarin',
  Region: 'region:kz',
  Organization: 'org:kz-government',
  Forum: 'forum:kz-xuar-cross-border-dialogue-2',
  Document: 'doc:kz-xuar-dialogue-2-commercial',
  Sector: 'sector:energy',
  Source: 'source:commonspace-2023-03-kz-cn-agreements',
  Figure: 'figure:kz-cn-trade-2022',
};

/** The refused value as the message shows it: quoted, and cut short (an id is at most ~130 characters). */
function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 140 ? `${text.slice(0, 140)}…` : text;
}

function typesOf(of: IdOf): readonly EntityType[] {
  if (of === 'any') return ENTITY_TYPES;
  return typeof of === 'string' ? [of] : of;
}

/**
 * Why `value` is not an id of `of`, or undefined when it is. Ids are prefixed by type, so an id
 * that lacks the prefix (`kz`), or carries another type's (`doc:…` where a region is asked for),
 * can name nothing there: it is refused, saying which prefix is expected, rather than found to
 * be nobody. The message starts with "must", for class-validator's `$property must …`.
 */
export function idProblem(value: unknown, of: IdOf): string | undefined {
  const types = typesOf(of);
  const prefixes = types.map((type) => `${ID_PREFIX[type]}:`);
  if (typeof value === 'string' && ID_PATTERN.test(value) && prefixes.some((prefix) => value.startsWith(prefix))) {
    return undefined;
  }
  const named = types.join(' or ');
  const what = of === 'any' ? 'an entity id' : `${/^[AEIOU]/.test(named) ? 'an' : 'a'} ${named} id`;
  const starts =
    prefixes.length === 1
      ? `"${prefixes[0] ?? ''}"`
      : `its type (${prefixes.map((prefix) => `"${prefix}"`).join(', ')})`;
  const examples = types
    .slice(0, 2)
    .map((type) => `"${EXAMPLE[type]}"`)
    .join(' or ');
  return `must be ${what}: ${starts} then letters, digits, ".", "_", "~" or "-" (e.g. ${examples}), not ${shown(value)}`;
}

const TYPE_BY_PREFIX = new Map(ENTITY_TYPES.map((type) => [ID_PREFIX[type], type]));

/** The type an id names, by its prefix (every stored id carries its type's); undefined for no entity id. */
export function entityTypeOfId(id: string): EntityType | undefined {
  return TYPE_BY_PREFIX.get(id.slice(0, id.indexOf(':')));
}

/** class-validator: the field holds an id of `of` (see `idProblem`). */
export function IsEntityId(of: IdOf): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isEntityId',
      validator: {
        validate: (value: unknown) => idProblem(value, of) === undefined,
        defaultMessage: (args) => `$property ${idProblem(args?.value, of) ?? ''}`,
      },
    },
    {},
  );
}

/**
 * Options for an `@Arg` holding an id (or a list of ids) of `of`: refused as BAD_USER_INPUT naming
 * the argument. An optional argument left out (`optional`) passes.
 */
export function entityIdArg(name: string, of: IdOf, optional = false): ArgOptions {
  return {
    validateFn: (value: unknown) => {
      if (optional && (value === null || value === undefined)) return;
      // A list of ids is checked id by id, each problem named by its position.
      const values = Array.isArray(value)
        ? value.map((item, index) => [`${name}[${index}]`, item] as const)
        : [[name, value] as const];
      for (const [field, item] of values) {
        const problem = idProblem(item, of);
        if (problem !== undefined) throw BadUserInputError.forField(field, problem);
      }
    },
  };
}
