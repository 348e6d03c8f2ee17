import { matchKey } from '../entity/entity.model';
import { entityFields, resolutionKeysOf, type TypedEntityInput } from '../entity/entity.specs';
import type { EntityWrite } from './write.repository';

function withoutNulls(props: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(props).filter(([, value]) => value !== null && value !== undefined));
}

/**
 * The write of one typed input under its resolved id. `replace` (updates) sets every field, so a
 * null removes it, and replaces the aliases; otherwise (ingestion) only what the source states is
 * added: a report that names Kazakhstan without its ISO codes must not erase them.
 */
export function entityWrite(
  id: string,
  typed: TypedEntityInput,
  statement: { readonly sourceId: string | null; readonly locator: string },
  options: { readonly replace: boolean; readonly mustCreate: boolean },
): EntityWrite {
  const fields = entityFields(typed);
  return {
    id,
    type: typed.type,
    name: fields.name,
    nameKey: matchKey(fields.name),
    aliases: fields.aliases,
    aliasKeys: fields.aliases.map(matchKey),
    replaceAliases: options.replace,
    props: options.replace ? fields.props : withoutNulls(fields.props),
    sourceId: statement.sourceId,
    locator: statement.locator,
    keys: resolutionKeysOf(typed),
    mustCreate: options.mustCreate,
  };
}
