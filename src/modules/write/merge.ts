import { BadUserInputError, NotFoundError } from '../../errors';
import { isDisputed, parseClaims, sameClaimValue } from '../claim/claim.model';
import { matchKey } from '../entity/entity.model';
import { type TieIdentity, tieToken } from '../history/change.model';
import { type TypedProps, type TypedValue, toParameters } from '../history/change.values';
import type { WriteUnit } from './write.store';

/**
 * Merging entities found to be one: every tie and statement of the merged entities moves to the
 * kept one (ties that become one are combined, their sources joined, so nothing counts twice), their
 * names become aliases, their resolution keys resolve to it, and each merged id keeps finding it
 * (a `NameKey` `id:<old id>`). It is one change in the change log, so reverting it is the unmerge.
 */

/** The key under which a merged entity's id resolves to the entity it was merged into. */
export function redirectKey(id: string): string {
  return `id:${id}`;
}

export interface MergeOutcome {
  readonly keep: string;
  readonly merged: readonly string[];
  /** Ties moved to the kept entity as they were. */
  readonly tiesMoved: number;
  /** Ties that became one with a tie the kept entity had, their sources joined. */
  readonly tiesCombined: number;
  /** Ties between the entities merged, which would tie the kept entity to itself. */
  readonly tiesDropped: number;
  readonly aliasesAdded: readonly string[];
}

const list = (values: readonly string[]): TypedValue => ({ t: 'LIST<STRING>', v: values });

function text(props: TypedProps, key: string): string {
  const value = props[key]?.v;
  return typeof value === 'string' ? value : '';
}

function strings(props: TypedProps, key: string): string[] {
  const value = props[key]?.v;
  return Array.isArray(value) ? value.map(String) : [];
}

/**
 * One tie from two: the first's details win, the second's fill what the first lacks, and the
 * statements (source, locator, quote) of both are kept, each once.
 */
export function combineTie(type: string, first: TypedProps, second: TypedProps): TypedProps {
  const combined: Record<string, TypedValue> = { ...second, ...first };
  if (type === 'STATED_IN') {
    combined.quotes = list([...new Set([...strings(first, 'quotes'), ...strings(second, 'quotes')])]);
    combined.names = list([...new Set([...strings(first, 'names'), ...strings(second, 'names')])]);
    return combined;
  }
  const columns = ['sourceIds', 'locators', 'recordedAts', 'quotes'] as const;
  const entries = (props: TypedProps) => {
    const [sources, locators, recorded, quotes] = columns.map((column) => strings(props, column));
    return (sources ?? []).map((sourceId, index) => ({
      sourceId,
      locator: locators?.[index] ?? '',
      recordedAt: recorded?.[index] ?? '',
      quote: quotes?.[index] ?? '',
    }));
  };
  const joined = [...entries(first)];
  for (const entry of entries(second)) {
    if (
      !joined.some(
        (seen) => seen.sourceId === entry.sourceId && seen.locator === entry.locator && seen.quote === entry.quote,
      )
    ) {
      joined.push(entry);
    }
  }
  combined.sourceIds = list(joined.map((entry) => entry.sourceId));
  combined.locators = list(joined.map((entry) => entry.locator));
  combined.recordedAts = list(joined.map((entry) => entry.recordedAt));
  combined.quotes = list(joined.map((entry) => entry.quote));
  return combined;
}

/** Moves `merged` into `keep` within the unit's transaction (see the module comment). */
export async function mergeEntities(unit: WriteUnit, keep: string, merged: readonly string[]): Promise<MergeOutcome> {
  const { recorder, states, repository } = unit;
  const ids = [keep, ...merged];
  if (merged.length === 0) throw BadUserInputError.forField('merge', 'names no entity to merge');
  if (merged.includes(keep)) throw BadUserInputError.forField('merge', `holds the entity kept, "${keep}"`);
  if (new Set(merged).size !== merged.length) throw BadUserInputError.forField('merge', 'names an entity twice');

  await recorder.touchKeysOf(ids);
  await recorder.touchKeys(merged.map(redirectKey));
  await recorder.touchEntities(ids);
  const kept = recorder.entityState(keep);
  if (!kept) throw new NotFoundError('Entity', keep);
  for (const id of merged) {
    const state = recorder.entityState(id);
    if (!state) throw new NotFoundError('Entity', id);
    if (state.type !== kept.type) {
      throw BadUserInputError.forField(
        'merge',
        `"${id}" is a ${state.type}, "${keep}" a ${kept.type}: only entities of one type merge`,
      );
    }
  }

  // Every tie at the entities, the ties that name a merged entity as the party acted for, and the
  // pairs the moved ties land on: all of them are recorded before anything is written.
  await recorder.touchAllTiesOf(ids);
  await recorder.touchTiePairs(await repository.tiesOnBehalfOf(merged));
  const into = (id: string) => (merged.includes(id) ? keep : id);
  const moving = new Map<string, TieIdentity>();
  for (const id of merged) for (const tie of recorder.tiesAt(id)) moving.set(tieToken(tie), tie);
  const landing = [...moving.values()].map((tie) => ({ ...tie, from: into(tie.from), to: into(tie.to) }));
  await recorder.touchTiePairs(landing.filter((tie) => tie.from !== tie.to));

  const written = new Map<string, { identity: TieIdentity; props: TypedProps; create: boolean }>();
  const behalf = (props: TypedProps): TypedProps => {
    const party = props.onBehalfOf?.v;
    return typeof party === 'string' && merged.includes(party)
      ? { ...props, onBehalfOf: { t: 'STRING', v: keep } }
      : props;
  };
  let tiesMoved = 0;
  let tiesCombined = 0;
  let tiesDropped = 0;
  for (const tie of moving.values()) {
    const props = behalf(recorder.tieState(tie) ?? {});
    const target: TieIdentity = { ...tie, from: into(tie.from), to: into(tie.to) };
    if (target.from === target.to) {
      tiesDropped += 1;
      continue;
    }
    const token = tieToken(target);
    const there =
      written.get(token) ??
      (() => {
        const state = recorder.tieState(target);
        return state ? { identity: target, props: state, create: false } : undefined;
      })();
    if (there) {
      written.set(token, { ...there, props: combineTie(tie.type, there.props, props) });
      tiesCombined += 1;
    } else {
      written.set(token, { identity: target, props, create: true });
      tiesMoved += 1;
    }
  }
  // Ties elsewhere that name a merged entity as the party acted for now name the kept one.
  for (const tie of await repository.tiesOnBehalfOf(merged)) {
    for (const identity of recorder.tiesAt(tie.from).filter((each) => each.type === tie.type && each.to === tie.to)) {
      const token = tieToken(identity);
      if (moving.has(token) || written.has(token)) continue;
      const props = recorder.tieState(identity) ?? {};
      if (behalf(props) !== props) written.set(token, { identity, props: behalf(props), create: false });
    }
  }

  const tieState = (identity: TieIdentity, props: TypedProps, create: boolean) => ({
    type: identity.type,
    from: identity.from,
    to: identity.to,
    disc: identity.disc,
    discProperty: identity.type === 'STATED_IN' ? 'locator' : 'key',
    create,
    props: toParameters(props),
  });
  await states.deleteTies([...moving.values()].map((tie) => tieState(tie, {}, false)));
  await states.restoreTies(
    [...written.values()].map(({ identity, props, create }) => tieState(identity, props, create)),
  );

  // The kept entity: its own properties first, the merged ones' where it has none; every name
  // an alias; their claims beside its own.
  const keptProps = kept.props;
  let props: Record<string, TypedValue> = { ...keptProps };
  const names = new Set([text(keptProps, 'name'), ...strings(keptProps, 'aliases')]);
  const aliasesAdded: string[] = [];
  let claims = parseClaims(keptProps.claims?.v);
  const mergedFrom = new Set(strings(keptProps, 'mergedFrom'));
  for (const id of merged) {
    const other = recorder.entityState(id)?.props ?? {};
    props = { ...other, ...props };
    for (const name of [text(other, 'name'), ...strings(other, 'aliases')]) {
      if (name !== '' && !names.has(name)) {
        names.add(name);
        aliasesAdded.push(name);
      }
    }
    for (const claim of parseClaims(other.claims?.v)) {
      const known = claims.some(
        (mine) =>
          mine.field === claim.field && mine.sourceId === claim.sourceId && sameClaimValue(mine.value, claim.value),
      );
      if (!known) claims = [...claims, { ...claim, preferred: undefined }];
    }
    mergedFrom.add(id);
    for (const earlier of strings(other, 'mergedFrom')) mergedFrom.add(earlier);
  }
  const name = text(keptProps, 'name');
  const aliases = [...strings(keptProps, 'aliases'), ...aliasesAdded];
  const nameKey = matchKey(name);
  props = {
    ...props,
    id: { t: 'STRING', v: keep },
    aliases: list(aliases),
    aliasKeys: list([...new Set(aliases.map(matchKey))].filter((key) => key !== nameKey)),
    searchText: { t: 'STRING', v: [name, ...aliases].join(' | ') },
    mergedFrom: list([...mergedFrom]),
    updatedAt: { t: 'ZONED DATETIME', v: new Date().toISOString() },
    ...(claims.length > 0
      ? { claims: { t: 'STRING', v: JSON.stringify(claims) }, disputed: { t: 'BOOLEAN', v: isDisputed(claims) } }
      : {}),
  };
  // Properties only the kept entity may hold are its own, never the merged ones'.
  for (const own of ['createdAt', 'name', 'nameKey'] as const) if (keptProps[own]) props[own] = keptProps[own];
  await states.restoreEntities([{ id: keep, type: kept.type, create: false, props: toParameters(props) }]);
  await states.deleteEntities(merged);

  const keys = await repository.keysHeldBy(merged);
  await states.setKeys([...keys, ...merged.map(redirectKey)].map((key) => ({ key, entityId: keep })));
  return { keep, merged, tiesMoved, tiesCombined, tiesDropped, aliasesAdded };
}
