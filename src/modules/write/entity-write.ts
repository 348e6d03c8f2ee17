import { matchKey } from '../entity/entity.model';
import { entityFields, resolutionKeysOf, specOf, type TypedEntityInput } from '../entity/entity.specs';
import type { EntityWrite } from './write.repository';

function withoutNulls(props: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(props).filter(([, value]) => value !== null && value !== undefined));
}

/**
 * The write of one typed input under its resolved id. `replace` (updates) sets every field, so a
 * null removes it, and replaces the aliases; otherwise (ingestion) only what the source states is
 * added: a report that names Kazakhstan without its ISO codes must not erase them, and one that
 * restates a document without its count must not reset it. A new entity takes its type's defaults
 * for what its input leaves out; so does a replace.
 */
export function entityWrite(
  id: string,
  typed: TypedEntityInput,
  statement: { readonly sourceId: string | null; readonly locator: string; readonly quote: string | null },
  options: { readonly replace: boolean; readonly mustCreate: boolean },
): EntityWrite {
  const fields = entityFields(typed);
  const defaults = specOf(typed.type).defaults ?? {};
  const props = options.replace
    ? {
        ...fields.props,
        ...withoutNulls(
          Object.fromEntries(Object.keys(defaults).map((key) => [key, fields.props[key] ?? defaults[key]])),
        ),
      }
    : withoutNulls(fields.props);
  return {
    id,
    type: typed.type,
    name: fields.name,
    nameKey: matchKey(fields.name),
    aliases: fields.aliases,
    aliasKeys: fields.aliases.map(matchKey),
    replaceAliases: options.replace,
    props,
    defaults,
    generatedName: fields.generatedName ?? false,
    sourceId: statement.sourceId,
    locator: statement.locator,
    quote: statement.quote,
    keys: resolutionKeysOf(typed),
    mustCreate: options.mustCreate,
  };
}
