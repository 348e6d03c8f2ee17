// The property panel: everything known of the selected entity or tie. Which fields an entity has,
// and the query that reads them, come from the server (`/explorer/queries.json`, derived from the
// schema); this file only knows how to show a value of each GraphQL type.
import { graphql, panelQueriesOnce, playgroundLink, sourceOf } from './api.js';

/** Entity lists longer than this show their first items and fold the rest away. */
const LIST_PREVIEW = 12;

const QUALIFIERS = { EXACT: 'exactly', APPROXIMATE: 'about', AT_LEAST: 'at least', AT_MOST: 'at most' };
const PRECISIONS = { DAY: 'day', MONTH: 'month', YEAR: 'year' };
/** Shown in the header or sections of their own, not among the fields. */
const OWN_PLACE = new Set(['id', 'name', 'sources', 'claims']);
/** When and how the record was kept: after what the sources state. */
const RECORD_FIELDS = ['createdAt', 'updatedAt', 'mergedFrom'];

export function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** "signedOn" → "Signed on". */
function fieldLabel(name) {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "COMMERCIAL_AGREEMENT" → "commercial agreement". */
function enumText(value) {
  return String(value).toLowerCase().replace(/_/g, ' ');
}

function numberText(value) {
  return Number(value).toLocaleString('en', { maximumFractionDigits: 6 });
}

function timeText(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return String(iso);
  return `${date.toISOString().slice(0, 10)} ${date.toISOString().slice(11, 16)} UTC`;
}

export function partialDateText(date) {
  const precision = PRECISIONS[date.precision] ?? enumText(date.precision);
  const range = date.earliest === date.latest ? '' : `, ${date.earliest} to ${date.latest}`;
  return `${date.value} (${precision}${range})`;
}

function moneyText(money) {
  const qualifier = QUALIFIERS[money.qualifier] ?? enumText(money.qualifier);
  return `${qualifier} ${numberText(money.amount)} ${money.currency}`;
}

function isEmpty(value) {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

/**
 * Renders panels, calling `onEntity(id)` when a linked entity is clicked and `onShown()` once a
 * panel's details have loaded (tests and the page's own status wait for it).
 */
export function createInspector({ container, onEntity, onShown = () => {} }) {
  let shown = 0;
  let edgeTypes = {};
  void panelQueriesOnce()
    .then((queries) => {
      edgeTypes = queries.edgeTypes;
    })
    .catch(() => {});

  function entityLink(entity) {
    if (!entity) return element('span', '—');
    const link = element('button', entity.name ?? entity.id, 'entity-link');
    link.type = 'button';
    link.dataset.id = entity.id;
    link.title = `${entity.__typename ?? ''} ${entity.id}`.trim();
    link.addEventListener('click', () => onEntity(entity.id));
    return link;
  }

  /** A tie as a line; of the entity shown (`self`), only the other end is named. */
  function tieLine(tie, self) {
    const line = element('span');
    const from = tie.from ?? { id: tie.fromId };
    const to = tie.to ?? { id: tie.toId };
    const parts =
      from.id === self
        ? [element('span', `${enumText(tie.type)} `, 'type'), entityLink(to)]
        : to.id === self
          ? [entityLink(from), element('span', ` ${enumText(tie.type)}`, 'type')]
          : [entityLink(from), element('span', ` ${enumText(tie.type)} `, 'type'), entityLink(to)];
    const details = [
      tie.title,
      tie.role,
      tie.since && `since ${partialDateText(tie.since)}`,
      tie.until && `until ${partialDateText(tie.until)}`,
    ].filter(Boolean);
    line.append(...parts);
    if (tie.onBehalfOf) line.append(element('span', ' on behalf of '), entityLink(tie.onBehalfOf));
    if (details.length > 0) line.append(element('span', ` · ${details.join(' · ')}`));
    return line;
  }

  /** One value of a field, by its GraphQL type. */
  function valueNode(field, value, self) {
    if (field.entity) return entityLink(value);
    switch (field.type) {
      case 'PartialDate':
        return element('span', partialDateText(value));
      case 'Money':
        return element('span', moneyText(value));
      case 'Tie':
        return tieLine(value, self);
      case 'DateTimeISO':
        return element('span', timeText(value));
      case 'Int':
      case 'Float':
        return element('span', numberText(value));
      case 'Boolean':
        return element('span', value ? 'yes' : 'no');
      case 'String':
      case 'ID':
        return element('span', value);
      case 'JSON':
        return element('code', JSON.stringify(value));
      default:
        if (typeof value === 'string') return element('span', /^[A-Z0-9_]+$/.test(value) ? enumText(value) : value);
        if (typeof value === 'object') return element('code', JSON.stringify(value));
        return element('span', String(value));
    }
  }

  function fieldValue(field, value, self) {
    if (!field.list) return valueNode(field, value, self);
    if (!field.entity && ['String', 'ID', 'Int', 'Float'].includes(field.type) && field.name !== 'items') {
      return element('span', value.map((item) => (typeof item === 'number' ? numberText(item) : item)).join(', '));
    }
    const list = element('ul', undefined, field.entity ? 'links' : 'items');
    const items = value.map((item) => {
      const li = element('li');
      li.append(valueNode(field, item, self));
      return li;
    });
    list.append(...items.slice(0, LIST_PREVIEW));
    if (items.length <= LIST_PREVIEW) return list;
    const more = element('details');
    const rest = element('ul', undefined, list.className);
    rest.append(...items.slice(LIST_PREVIEW));
    more.append(element('summary', `${items.length - LIST_PREVIEW} more`), rest);
    const wrap = element('div');
    wrap.append(list, more);
    return wrap;
  }

  /** A definition list of the fields that have a value, and a line naming those that have none. */
  function fieldsSection(fields, record, self = null) {
    const list = element('dl', undefined, 'fields');
    const empty = [];
    const ordered = [
      ...fields.filter((field) => !RECORD_FIELDS.includes(field.name)),
      ...fields.filter((field) => RECORD_FIELDS.includes(field.name)),
    ];
    for (const field of ordered) {
      if (OWN_PLACE.has(field.name)) continue;
      const value = record[field.name];
      if (isEmpty(value)) {
        empty.push(fieldLabel(field.name).toLowerCase());
        continue;
      }
      const term = element('dt', fieldLabel(field.name));
      if (field.description) term.title = field.description;
      term.dataset.field = field.name;
      const count = Array.isArray(value) && value.length > 1 ? element('span', ` (${value.length})`, 'type') : null;
      if (count) term.append(count);
      const definition = element('dd');
      definition.dataset.field = field.name;
      definition.append(fieldValue(field, value, self));
      list.append(term, definition);
    }
    const section = element('section', undefined, 'fields-section');
    section.append(list);
    if (empty.length > 0) section.append(element('p', `Not stated: ${empty.join(', ')}.`, 'hint'));
    return section;
  }

  function heading(text, count) {
    const title = element('h3', text);
    if (count !== undefined) title.append(element('span', ` (${count})`, 'type'));
    return title;
  }

  /** The sources of a fact: title (linked), publisher, publication date, where in it, and its words. */
  async function sourcesSection(statements) {
    const section = element('section');
    section.id = 'panel-sources';
    section.append(heading('Sources', statements.length));
    if (statements.length === 0) {
      section.append(element('p', 'No source recorded.', 'hint'));
      return section;
    }
    const list = element('ul', undefined, 'sources');
    const items = await Promise.all(
      statements.map(async (statement) => {
        const source = await sourceOf(statement.sourceId).catch(() => null);
        const item = element('li');
        const name = source?.name ?? statement.sourceId;
        const title = source?.url
          ? Object.assign(element('a', name), { href: source.url, target: '_blank', rel: 'noopener' })
          : element('strong', name);
        item.append(title);
        const where = [
          source?.publisher,
          source?.publishedOn && `published ${source.publishedOn.value}`,
          statement.locator && `at ${statement.locator}`,
        ].filter(Boolean);
        if (where.length > 0) item.append(element('div', where.join(' · '), 'source-meta'));
        if (statement.quote) item.append(element('blockquote', statement.quote));
        if (statement.names?.length) item.append(element('div', `Named there: ${statement.names.join(', ')}`, 'hint'));
        item.append(element('div', `${statement.sourceId} · recorded ${timeText(statement.recordedAt)}`, 'type'));
        return item;
      }),
    );
    list.append(...items);
    section.append(list);
    return section;
  }

  /** What sources disagree on: per fact, each source's claim, which one the entity shows. */
  async function claimsSection(claims) {
    const section = element('section');
    section.id = 'panel-claims';
    const fields = [...new Set(claims.map((claim) => claim.field))];
    section.append(heading('Disputed', fields.length));
    for (const field of fields) {
      section.append(element('h4', `${fieldLabel(field)}: sources disagree`));
      const list = element('ul', undefined, 'claims');
      for (const claim of claims.filter((each) => each.field === field)) {
        const source = claim.sourceId ? await sourceOf(claim.sourceId).catch(() => null) : null;
        const item = element('li');
        if (claim.shown) item.classList.add('shown');
        const value = Object.entries(claim.value ?? {})
          .map(([key, stated]) => `${key}: ${typeof stated === 'number' ? numberText(stated) : JSON.stringify(stated)}`)
          .join(', ');
        item.append(element('code', value));
        const badges = [claim.shown && 'shown', claim.preferred && 'preferred by an editor'].filter(Boolean);
        if (badges.length > 0) item.append(element('span', ` ${badges.join(', ')}`, 'badge'));
        const who = source?.name ?? claim.sourceId ?? 'an edit citing no source';
        item.append(element('div', `${who}${claim.locator ? ` at ${claim.locator}` : ''}`, 'source-meta'));
        if (claim.quote) item.append(element('blockquote', claim.quote));
        list.append(item);
      }
      section.append(list);
    }
    return section;
  }

  function propertyChanges(properties) {
    const list = element('ul', undefined, 'changes');
    for (const change of properties) {
      const text =
        change.before === null
          ? `${change.property}: ${JSON.stringify(change.after)}`
          : `${change.property}: ${JSON.stringify(change.before)} → ${JSON.stringify(change.after)}`;
      list.append(element('li', text));
    }
    return list;
  }

  /** The changes that made the fact what it is, newest first; who made them only when the API says. */
  async function historySection(history, concerns) {
    const section = element('section');
    section.id = 'panel-history';
    section.append(heading('History', history.totalCount));
    if (history.nodes.length === 0) {
      section.append(element('p', 'No recorded change.', 'hint'));
      return section;
    }
    const list = element('ol', undefined, 'history');
    for (const change of history.nodes) {
      const item = element('li');
      const source = change.sourceId ? await sourceOf(change.sourceId).catch(() => null) : null;
      const head = [timeText(change.at), change.operation, source ? `from “${source.name}”` : change.sourceId]
        .filter(Boolean)
        .join(' · ');
      item.append(element('div', head, 'change-head'));
      if (change.actor) item.append(element('div', `by ${change.actor}`, 'type'));
      if (change.revertOf) item.append(element('div', `reverts ${change.revertOf}`, 'type'));
      if (change.revertedBy?.length) item.append(element('div', 'reverted since', 'badge'));
      const own = change.entities.filter((entity) => concerns.entity(entity.id));
      for (const entity of own) {
        item.append(element('div', `${enumText(entity.action)} ${entity.type.toLowerCase()}`));
        if (entity.properties.length > 0) item.append(propertyChanges(entity.properties));
      }
      const ties = change.ties.filter((tie) => concerns.tie(tie));
      for (const tie of ties.slice(0, 6)) {
        item.append(element('div', `${enumText(tie.action)} ${tie.type} ${tie.from} → ${tie.to}`, 'tie-change'));
      }
      if (ties.length > 6) item.append(element('div', `and ${ties.length - 6} more ties`, 'type'));
      const others = change.entities.length - own.length;
      if (others > 0) item.append(element('div', `with ${others} other entities`, 'type'));
      list.append(item);
    }
    section.append(list);
    if (history.pageInfo.hasNextPage) {
      section.append(
        element('p', `${history.totalCount - history.nodes.length} older changes: see the playground.`, 'hint'),
      );
    }
    return section;
  }

  function playgroundButton(query, variables) {
    const link = element('a', 'Open this query in the playground', 'playground-link');
    link.id = 'open-in-playground';
    link.href = playgroundLink(query, variables);
    link.target = '_blank';
    link.rel = 'noopener';
    return link;
  }

  function begin(...header) {
    shown += 1;
    container.replaceChildren(...header, element('p', 'Loading…', 'hint loading'));
    container.dataset.state = 'loading';
    return shown;
  }

  function finish(token, ...sections) {
    if (token !== shown) return;
    container.querySelector('.loading')?.remove();
    container.append(...sections.filter(Boolean));
    container.dataset.state = 'ready';
    onShown();
  }

  function fail(token, error) {
    if (token !== shown) return;
    container.querySelector('.loading')?.replaceWith(element('p', error.message, 'error'));
    container.dataset.state = 'error';
  }

  /** An entity: header at once from what is drawn, then every field, sources, claims and history. */
  async function showNode(node, { truncated = false, actions = [] } = {}) {
    const type = node.data('type');
    const title = element('h2', node.data('label'));
    const badge = element('span', type, 'type-badge');
    badge.style.background = node.data('colour');
    const meta = element('p', undefined, 'type');
    meta.append(badge, element('span', ` ${node.id()}`));
    const degree = node.data('degree');
    const counts = element(
      'p',
      `${degree === null ? 'Ties in all unknown' : `${degree} ties in all`}; ${node.connectedEdges().length} drawn.`,
      'hint',
    );
    const tools = element('div', undefined, 'panel-actions');
    tools.append(...actions);
    const token = begin(title, meta, counts, tools);
    if (truncated)
      counts.after(element('p', 'Only the nearest entities are drawn: double-click nodes to expand them.', 'hint'));
    try {
      const queries = await panelQueriesOnce();
      const spec = queries.entities[type];
      if (!spec) throw new Error(`No panel query for ${type}`);
      const variables = { id: node.id() };
      const data = await graphql(spec.query, variables);
      if (!data.entity) throw new Error(`${node.id()} is not in the graph any more`);
      const id = node.id();
      const sections = await Promise.all([
        sourcesSection(data.entity.sources ?? []),
        data.entity.claims?.length ? claimsSection(data.entity.claims) : null,
        historySection(data.history, {
          entity: (other) => other === id,
          tie: (tie) => tie.from === id || tie.to === id,
        }),
      ]);
      tools.append(playgroundButton(spec.query, variables));
      finish(token, fieldsSection(spec.fields, data.entity, id), ...sections);
    } catch (error) {
      fail(token, error);
    }
  }

  /** A tie: its type in words, its ends, its details, sources, history and what else joins its ends. */
  async function showEdge(edge) {
    const type = edge.data('type');
    const ends = element('p');
    ends.append(
      entityLink({ id: edge.source().id(), name: edge.source().data('label') }),
      element('span', ' → '),
      entityLink({ id: edge.target().id(), name: edge.target().data('label') }),
    );
    const about = element('p', edgeTypes[type] ?? '', 'type');
    const token = begin(element('h2', type), about, ends);
    try {
      const queries = await panelQueriesOnce();
      about.textContent = queries.edgeTypes[type] ?? '';
      const tie = edge.data('tie');
      const sources = await sourcesSection(edge.data('sources') ?? []);
      if (!tie) {
        finish(token, element('p', edge.data('label'), 'type'), sources);
        return;
      }
      const variables = { type: tie.type, from: tie.fromId, to: tie.toId, title: tie.title ?? null };
      const data = await graphql(queries.tie.query, variables);
      const fields = queries.tie.fields.filter(
        (field) => !['type', 'fromId', 'toId', 'from', 'to'].includes(field.name),
      );
      const history = await historySection(data.tieHistory, {
        entity: () => false,
        tie: (other) => other.type === tie.type && other.from === tie.fromId && other.to === tie.toId,
      });
      const others = element('section');
      others.id = 'panel-connections';
      const groups = data.ties.groups.filter((group) => group.kind !== 'DIRECT');
      others.append(
        heading(
          'Also joining them',
          groups.reduce((sum, group) => sum + group.total, 0),
        ),
      );
      const list = element('ul', undefined, 'links');
      for (const group of groups) {
        const item = element('li', `${enumText(group.kind)} (${group.total}): `);
        group.connections.forEach((connection, index) => {
          if (index > 0) item.append(element('span', ', '));
          item.append(entityLink(connection.via));
        });
        list.append(item);
      }
      if (groups.length > 0) others.append(list);
      finish(
        token,
        fieldsSection(fields, tie),
        sources,
        history,
        others,
        playgroundButton(queries.tie.query, variables),
      );
    } catch (error) {
      fail(token, error);
    }
  }

  /** The shortest paths found between two entities, each as a chain of links. */
  function showPaths(result, { onClear }) {
    shown += 1;
    const clear = element('button', 'Clear the path');
    clear.type = 'button';
    clear.id = 'clear-path';
    clear.addEventListener('click', onClear);
    const header = element('h2', `Path: ${result.from.name} → ${result.to.name}`);
    if (result.length === null) {
      container.replaceChildren(header, element('p', 'No path of at most 6 ties joins them.', 'hint'), clear);
    } else {
      const count = `${result.paths.length}${result.truncated ? '+' : ''} shortest path${result.paths.length === 1 ? '' : 's'}`;
      const list = element('ol', undefined, 'paths');
      for (const path of result.paths) {
        const item = element('li');
        path.nodes.forEach((node, index) => {
          if (index > 0) item.append(element('span', ` ${path.steps[index - 1].tie.type} `, 'type'));
          item.append(entityLink(node));
        });
        list.append(item);
      }
      container.replaceChildren(
        header,
        element('p', `${count} of ${result.length} ties, highlighted.`, 'hint'),
        list,
        clear,
      );
    }
    container.dataset.state = 'ready';
    onShown();
  }

  function showText(...lines) {
    shown += 1;
    container.replaceChildren(...lines.map((line) => element('p', line, 'hint')));
    container.dataset.state = 'ready';
  }

  return { showNode, showEdge, showPaths, showText };
}
