// The review page: paste an article (or open a file), draft a report from it with extractReport,
// read the draft as highlighted spans beside the list of its statements, accept, edit or reject
// each, match entities to stored ones, and ingest what was accepted with an editor key.
import { graphql } from '../explorer/api.js';
import { COLOURS } from '../explorer/colours.js';
import {
  effectiveStatus,
  entityName,
  paragraphsOf,
  pieces,
  reportOf,
  reviewItems,
  spanOf,
  TIE_FIELDS,
} from './draft.js';

const TYPED_FIELDS = {
  region: 'name aliases kind iso2 iso3 isoNumeric isoSubdivision id',
  organization: 'name aliases kind id',
  official: 'name aliases id',
  sector: 'name aliases id',
  forum: 'name aliases kind date edition id',
  document: 'name title kind count status signedOn value { amount currency qualifier } id',
  figure: 'name description metric value unit qualifier period changePercent changeFactor itemCount items id',
};

const EXTRACT = `query ReviewExtract($text: String!, $source: SourceInput) {
  extractReport(text: $text, source: $source) {
    source { name publisher publishedOn url }
    entities {
      ref type locator quote confidence
      candidates { id name score }
      ${Object.entries(TYPED_FIELDS)
        .map(([field, selection]) => `${field} { ${selection} }`)
        .join('\n      ')}
    }
    ties { type from to role title onBehalfOf locator quote confidence }
  }
}`;

const INGEST = `mutation ReviewIngest($report: ReportInput!) {
  ingestReport(report: $report) {
    sourceId changeId tiesCreated tiesMatched
    entities { ref id type created }
  }
}`;

const $ = (id) => document.getElementById(id);

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

const state = { text: '', paragraphs: [], source: null, items: [], current: 0, editing: null };

function showError(id, message) {
  const box = $(id);
  box.textContent = message;
  box.hidden = !message;
}

async function busy(task) {
  document.body.dataset.busy = '1';
  try {
    return await task();
  } finally {
    document.body.dataset.busy = '0';
  }
}

function sourceFromForm() {
  const value = (id) => $(id).value.trim();
  return {
    name: value('source-name'),
    ...(value('source-publisher') ? { publisher: value('source-publisher') } : {}),
    ...(value('source-published') ? { publishedOn: value('source-published') } : {}),
    ...(value('source-url') ? { url: value('source-url') } : {}),
  };
}

// ---- composing ----

$('file').addEventListener('change', async () => {
  const file = $('file').files?.[0];
  if (!file) return;
  const text = await file.text();
  // A file that is not text shows as replacement characters or NULs: say so rather than draft noise.
  if (/\u0000|\ufffd/.test(text)) {
    showError('compose-error', `${file.name} is not a text file: open a .txt file, or paste the text.`);
    return;
  }
  $('text').value = text;
  if (!$('source-name').value.trim()) $('source-name').value = text.trim().split('\n')[0]?.trim() ?? '';
  showError('compose-error', '');
});

$('text-form').addEventListener('submit', (event) => {
  event.preventDefault();
  void busy(draft);
});

async function draft() {
  const text = $('text').value;
  if (!text.trim()) {
    showError('compose-error', 'The text is empty: paste an article or open a file.');
    return;
  }
  const source = sourceFromForm();
  if (!source.name) {
    showError('compose-error', 'The source needs a title: the article’s headline will do.');
    $('source-name').focus();
    return;
  }
  try {
    const { extractReport } = await graphql(EXTRACT, { text, source });
    showError('compose-error', '');
    state.text = text;
    state.paragraphs = paragraphsOf(text);
    state.source = source;
    state.items = reviewItems(extractReport);
    state.current = 0;
    state.editing = null;
    $('result').hidden = true;
    showError('ingest-error', '');
    document.body.dataset.phase = 'review';
    $('compose').hidden = true;
    $('review').hidden = false;
    render();
    focusCurrent();
  } catch (error) {
    showError('compose-error', `The draft failed: ${error.message}`);
  }
}

$('back').addEventListener('click', () => {
  document.body.dataset.phase = 'text';
  $('review').hidden = true;
  $('compose').hidden = false;
  $('text').focus();
});

// ---- the text ----

function renderText() {
  const spans = [];
  state.items.forEach((item, index) => {
    const span = spanOf(state.text, state.paragraphs, item);
    if (span && (item.kind === 'entity' || index === state.current)) spans.push({ ...span, index, item });
  });
  const container = $('highlighted');
  container.replaceChildren(
    ...pieces(state.text, spans).map((piece) => {
      const entitySpans = piece.spans.filter((span) => span.item.kind === 'entity');
      if (piece.spans.length === 0) return document.createTextNode(piece.text);
      const mark = element('mark', piece.text);
      const inner = entitySpans[0];
      if (inner) {
        mark.style.setProperty('--colour', COLOURS[inner.item.type] ?? '#999');
        mark.dataset.type = inner.item.type;
        mark.dataset.ref = inner.item.ref;
        mark.classList.add(`status-${effectiveStatus(inner.item, state.items)}`);
      } else mark.classList.add('tie-quote');
      if (piece.spans.some((span) => span.index === state.current)) mark.classList.add('current');
      mark.dataset.items = piece.spans.map((span) => span.index).join(' ');
      mark.title = piece.spans.map((span) => describe(span.item)).join('\n');
      mark.addEventListener('click', () => {
        select(inner ? inner.index : (piece.spans[0]?.index ?? state.current));
        focusCurrent();
      });
      return mark;
    }),
  );
}

// ---- the statements ----

function nameOfRef(ref) {
  const entity = state.items.find((item) => item.kind === 'entity' && item.ref === ref);
  return entity ? entityName(entity) : ref;
}

function describe(item) {
  if (item.kind === 'entity') return `${item.type}: ${entityName(item)}`;
  const { type, from, to, title, role } = item.value;
  const extra = [title, role].filter(Boolean).join(', ');
  return `${nameOfRef(from)} ${type} ${nameOfRef(to)}${extra ? ` (${extra})` : ''}`;
}

function counts() {
  const tally = { accepted: 0, rejected: 0, pending: 0, dropped: 0 };
  for (const item of state.items) tally[effectiveStatus(item, state.items)] += 1;
  $('counts').textContent =
    `${state.items.length} statements: ${tally.accepted} accepted, ${tally.rejected} rejected, ` +
    `${tally.pending} undecided` +
    (tally.dropped ? `, ${tally.dropped} dropped with a rejected entity` : '') +
    '.';
  $('ingest').textContent = `Ingest the ${tally.accepted} accepted statements`;
  $('ingest').disabled = tally.accepted === 0;
}

function candidatePicker(item, index) {
  const select = element('select');
  select.className = 'candidate';
  select.setAttribute('aria-label', `Which entity ${entityName(item)} is`);
  const fresh = element('option', 'a new entity');
  fresh.value = '';
  select.append(fresh);
  for (const candidate of item.candidates) {
    const option = element('option', `${candidate.name} (${candidate.id}, ${candidate.score.toFixed(2)})`);
    option.value = candidate.id;
    select.append(option);
  }
  select.value = item.choice ?? '';
  select.addEventListener('change', () => {
    state.items[index].choice = select.value || null;
    render();
  });
  return select;
}

function statusButtons(item, index) {
  const buttons = element('span', undefined, 'decide');
  for (const [status, label] of [
    ['accepted', 'Accept'],
    ['rejected', 'Reject'],
  ]) {
    const button = element('button', label, `decide-${status}`);
    button.type = 'button';
    button.setAttribute('aria-pressed', String(item.status === status));
    button.addEventListener('click', (event) => {
      event.stopPropagation();
      decide(index, item.status === status ? 'pending' : status);
    });
    buttons.append(button);
  }
  const edit = element('button', 'Edit', 'edit');
  edit.type = 'button';
  edit.addEventListener('click', (event) => {
    event.stopPropagation();
    startEdit(index);
  });
  buttons.append(edit);
  return buttons;
}

function editor(item, index) {
  const form = element('form', undefined, 'editor');
  const fields = [];
  const addField = (name, value, options) => {
    const label = element('label', name);
    const id = `edit-${index}-${name}`;
    label.htmlFor = id;
    let input;
    if (options) {
      input = element('select');
      for (const option of options) input.append(Object.assign(element('option', option), { value: option }));
    } else input = element('input');
    input.id = id;
    input.name = name;
    input.value = value ?? '';
    fields.push(input);
    form.append(label, input);
  };
  if (item.kind === 'entity') {
    if ('name' in item.value || !('title' in item.value)) addField('name', item.value.name);
    const rest = { ...item.value };
    delete rest.name;
    const label = element('label', 'other fields (JSON)');
    label.htmlFor = `edit-${index}-json`;
    const area = element('textarea');
    area.id = `edit-${index}-json`;
    area.name = 'json';
    area.rows = 4;
    area.value = JSON.stringify(rest, null, 1);
    form.append(label, area);
  } else {
    const refs = state.items.filter((one) => one.kind === 'entity').map((one) => one.ref);
    for (const name of TIE_FIELDS) {
      addField(name, item.value[name], ['from', 'to'].includes(name) ? refs : undefined);
    }
  }
  const save = element('button', 'Save');
  save.type = 'submit';
  const cancel = element('button', 'Cancel');
  cancel.type = 'button';
  cancel.addEventListener('click', () => {
    state.editing = null;
    render();
    focusCurrent();
  });
  const error = element('p', '', 'error');
  error.setAttribute('role', 'alert');
  error.hidden = true;
  form.append(save, cancel, error);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    try {
      const next = item.kind === 'entity' ? {} : { ...item.value };
      if (item.kind === 'entity') {
        const json = form.elements.namedItem('json').value.trim();
        const parsed = json ? JSON.parse(json) : {};
        if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
          throw new Error('the other fields must be a JSON object, e.g. {"kind": "COMPANY"}');
        }
        Object.assign(next, parsed);
      }
      for (const input of fields) {
        const value = input.value.trim();
        if (value) next[input.name] = value;
        else delete next[input.name];
      }
      if (item.kind === 'tie' && (!next.type || !next.from || !next.to))
        throw new Error('a tie needs a type, from and to');
      state.items[index].value = next;
      // An edit is a decision to keep the statement, as corrected.
      state.items[index].status = 'accepted';
      state.editing = null;
      render();
      focusCurrent();
    } catch (problem) {
      error.textContent = `Not saved: ${problem.message}`;
      error.hidden = false;
    }
  });
  return form;
}

function renderItems() {
  const list = $('items');
  list.replaceChildren(
    ...state.items.map((item, index) => {
      const status = effectiveStatus(item, state.items);
      const entry = element('li', undefined, `item status-${status}`);
      entry.dataset.key = item.key;
      entry.dataset.status = status;
      entry.tabIndex = index === state.current ? 0 : -1;
      if (index === state.current) entry.classList.add('current');
      const head = element('div', undefined, 'head');
      const badge = element('span', item.type, 'badge');
      if (item.kind === 'entity') badge.style.background = COLOURS[item.type] ?? '#999';
      else badge.classList.add('tie');
      head.append(badge, element('span', describe(item), 'what'), statusButtons(item, index));
      entry.append(head);
      const quote = element('blockquote', `${item.locator} “${item.quote}”`);
      entry.append(quote);
      const meta = element('div', `confidence ${Number(item.confidence).toFixed(2)}`, 'meta');
      if (status === 'dropped') meta.append(' · dropped: one of its entities is not accepted');
      entry.append(meta);
      if (item.kind === 'entity') {
        const pick = element('div', undefined, 'pick');
        pick.append(element('span', 'is '), candidatePicker(item, index));
        entry.append(pick);
      }
      if (state.editing === index) entry.append(editor(item, index));
      entry.addEventListener('click', () => select(index));
      return entry;
    }),
  );
}

function legend() {
  const used = new Set(state.items.filter((item) => item.kind === 'entity').map((item) => item.type));
  $('legend').replaceChildren(
    ...Object.keys(COLOURS)
      .filter((type) => used.has(type))
      .map((type) => {
        const entry = element('li', type);
        entry.style.setProperty('--colour', COLOURS[type]);
        return entry;
      }),
  );
}

function render() {
  renderText();
  renderItems();
  legend();
  counts();
}

function select(index) {
  if (index < 0 || index >= state.items.length || index === state.current) return;
  state.current = index;
  render();
}

function focusCurrent() {
  const entry = $('items').children[state.current];
  if (!entry) return;
  if (state.editing === state.current) entry.querySelector('input, textarea')?.focus();
  else entry.focus();
  entry.scrollIntoView({ block: 'nearest' });
  document.querySelector('#highlighted mark.current')?.scrollIntoView({ block: 'nearest' });
}

function decide(index, status) {
  state.items[index].status = status;
  // Deciding moves on to the next undecided statement, as a review queue does.
  const next = state.items.findIndex((item, other) => other > index && item.status === 'pending');
  state.current = next >= 0 ? next : index;
  render();
  focusCurrent();
}

function startEdit(index) {
  state.current = index;
  state.editing = index;
  render();
  focusCurrent();
}

$('accept-all').addEventListener('click', () => {
  for (const item of state.items) if (item.status === 'pending') item.status = 'accepted';
  render();
});

$('items').addEventListener('keydown', (event) => {
  if (event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement) return;
  if (event.target instanceof HTMLSelectElement || event.ctrlKey || event.metaKey || event.altKey) return;
  const moves = { ArrowDown: 1, j: 1, ArrowUp: -1, k: -1 };
  if (event.key in moves) {
    event.preventDefault();
    select(Math.min(state.items.length - 1, Math.max(0, state.current + moves[event.key])));
    focusCurrent();
  } else if (event.key === 'a') decide(state.current, 'accepted');
  else if (event.key === 'r') decide(state.current, 'rejected');
  else if (event.key === 'u') decide(state.current, 'pending');
  else if (event.key === 'e') {
    event.preventDefault();
    startEdit(state.current);
  } else if (event.key === 'Escape' && state.editing !== null) {
    state.editing = null;
    render();
    focusCurrent();
  }
});

// ---- ingesting ----

$('ingest-form').addEventListener('submit', (event) => {
  event.preventDefault();
  void busy(ingest);
});

async function ingest() {
  if (!$('api-key').value.trim()) {
    showError('ingest-error', 'Ingesting writes to the graph: enter an API key with the editor role.');
    $('api-key').focus();
    return;
  }
  const report = reportOf(state.source, state.items);
  try {
    const { ingestReport } = await graphql(INGEST, { report });
    showError('ingest-error', '');
    showResult(ingestReport);
  } catch (error) {
    showError('ingest-error', `Nothing was written: ${error.message}`);
  }
}

function explorerLink(id, text) {
  const url = new URL('explore', window.location.href);
  url.searchParams.set('id', id);
  return Object.assign(element('a', text), { href: url.toString() });
}

function showResult(result) {
  const box = $('result');
  const created = result.entities.filter((entity) => entity.created).length;
  const summary = element(
    'p',
    `Ingested from ${result.sourceId}: ${result.entities.length} entities (${created} new, ` +
      `${result.entities.length - created} already in the graph), ${result.tiesCreated} new ties, ` +
      `${result.tiesMatched} ties already known.` +
      (result.changeId ? ` Change ${result.changeId} (revertChange undoes it).` : ''),
  );
  summary.id = 'result-summary';
  // The explorer opens on the first document, where the text's facts meet; else the first entity.
  const first = result.entities.find((entity) => entity.type === 'Document') ?? result.entities[0];
  const list = element('ul');
  for (const entity of result.entities) {
    const item = element('li');
    item.append(explorerLink(entity.id, `${entity.type} ${entity.id}`), entity.created ? ' (new)' : '');
    list.append(item);
  }
  box.replaceChildren(summary);
  if (first) {
    const open = explorerLink(first.id, 'Open in the explorer');
    open.id = 'open-explorer';
    box.append(open);
  }
  box.append(list);
  box.hidden = false;
}

// For tests: the page's handlers are in place.
document.body.dataset.ready = '1';
