/* global cytoscape */
// The graph explorer: search an entity and draw its neighbourhood coloured by type; click to read
// everything known of an entity or tie, double-click to expand; find the path between two
// entities; hide, collapse, pin and undo; filter by period (timeline or dates) and sector; choose
// a layout; save the picture or the subgraph; share a link that reopens the same view.
import { graphql, NEIGHBORHOOD, PATH, SEARCH, SECTORS } from './api.js';
import { COLOURS } from './colours.js';
import { monthOf, monthText, parseBound } from './dates.js';
import { createInspector, element } from './inspector.js';
import { LAYOUTS, labelOverlaps, runLayout } from './layouts.js';
import { download, toGraphML, toJSON } from './save.js';
import { readView, viewUrl } from './view-state.js';

const NEIGHBOURS_PER_EXPANSION = 60;
/** From this zoom on, every tie shows its type. */
const EDGE_LABEL_ZOOM = 1.6;
const MAX_PATH_HOPS = 6;
const UNDO_DEPTH = 50;

const $ = (id) => document.getElementById(id);
const status = $('status');

function say(text, isError = false) {
  status.textContent = text;
  status.classList.toggle('error', isError);
}

// How many reads and layouts are under way; tests wait for 0 (`data-busy` on the body).
let busy = 0;
function setBusy(delta) {
  busy += delta;
  document.body.dataset.busy = String(busy);
}
async function run(work) {
  setBusy(1);
  try {
    return await work();
  } catch (error) {
    say(error.message, true);
    return undefined;
  } finally {
    setBusy(-1);
  }
}

const cy = cytoscape({
  container: $('graph'),
  wheelSensitivity: 0.3,
  style: [
    {
      selector: 'node',
      style: {
        'background-color': 'data(colour)',
        label: 'data(label)',
        'font-size': 10,
        color: '#222',
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-wrap': 'ellipsis',
        'text-max-width': 130,
        'text-background-color': '#fafafa',
        'text-background-opacity': 0.85,
        'text-background-padding': 1,
        width: 'data(size)',
        height: 'data(size)',
      },
    },
    { selector: 'node.center', style: { 'border-width': 4, 'border-color': '#222' } },
    { selector: 'node.expanded', style: { 'border-width': 2, 'border-color': '#555' } },
    { selector: 'node.center.expanded', style: { 'border-width': 4, 'border-color': '#222' } },
    { selector: 'node.pinned', style: { 'border-width': 3, 'border-style': 'double', 'border-color': '#000' } },
    { selector: 'node:selected', style: { 'overlay-opacity': 0.18, 'overlay-color': '#2f7ed8', 'overlay-padding': 5 } },
    {
      selector: 'edge',
      style: {
        width: 1.5,
        'line-color': '#b9c0c7',
        'target-arrow-color': '#b9c0c7',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.8,
        'curve-style': 'bezier',
        label: '',
        'font-size': 7,
        color: '#666',
        'text-rotation': 'autorotate',
        'text-background-color': '#fafafa',
        'text-background-opacity': 0.9,
      },
    },
    // Tie types show only close up, where they have room, or on the ties looked at.
    { selector: 'edge.close-up, edge:selected, edge.path, edge.hover', style: { label: 'data(type)' } },
    { selector: 'edge:selected', style: { width: 3, 'line-color': '#2f7ed8', 'target-arrow-color': '#2f7ed8' } },
    { selector: 'node.path', style: { 'border-width': 4, 'border-color': '#ff7a00' } },
    {
      selector: 'edge.path',
      style: { width: 4, 'line-color': '#ff7a00', 'target-arrow-color': '#ff7a00', color: '#a04d00' },
    },
    { selector: '.faded', style: { opacity: 0.2 } },
    { selector: '.filtered, .hidden', style: { display: 'none' } },
  ],
});

// Undo history: snapshots of the drawing, taken before each change to it.
const undoStack = [];
// Expansions in the order made and paths drawn: enough, with positions, to redraw a shared view.
let expansions = [];
let paths = [];
let centerId = null;
// The period filter as last validly typed (ISO days, null for open).
const period = { from: null, to: null };

const inspector = createInspector({
  container: $('details'),
  onEntity: (id) => void run(() => focusEntity(id)),
});

function nodeSize(degree) {
  return degree === null ? 18 : 18 + (Math.min(degree, 30) / 30) * 28;
}

function factOf(entity) {
  const when = entity.signedOn ?? entity.date ?? entity.period ?? null;
  const sectors = [...(entity.sectors ?? []), ...(entity.partOf?.sectors ?? [])].map((sector) => sector.id);
  return {
    earliest: when?.earliest ?? null,
    latest: when?.latest ?? null,
    sectors: entity.__typename === 'Document' ? sectors : null,
  };
}

function nodeData(id, label, type, degree, entity) {
  return {
    ...factOf(entity),
    id,
    label,
    // The type as people read it (`Region`, its `__typename`), for colours, details and legend.
    type,
    degree,
    size: nodeSize(degree),
    colour: COLOURS[type] ?? '#999',
  };
}

/** What tells a tie apart from the others: the same for an edge of a neighbourhood and a step of a path. */
function tieKey(tie) {
  return `${tie.type}|${tie.fromId}|${tie.toId}|${tie.title ?? ''}`;
}

function placeNear(origin) {
  // New neighbours start around the node they hang off, so the layout only has to settle them.
  return { x: origin.x + (Math.random() - 0.5) * 120, y: origin.y + (Math.random() - 0.5) * 120 };
}

function addNodes(nodes, origin) {
  for (const node of nodes) {
    const drawn = cy.getElementById(node.id);
    if (drawn.nonempty()) {
      // A node first met on a path has no degree yet; a neighbourhood tells it.
      if (drawn.data('degree') === null && node.degree !== null)
        drawn.data({ degree: node.degree, size: nodeSize(node.degree) });
      continue;
    }
    cy.add({ group: 'nodes', position: placeNear(origin), data: node });
  }
}

/** Adds edges, one per tie: a neighbourhood's edge replaces the one a path drew for the same tie. */
function addEdges(edges) {
  const byTie = new Map(cy.edges().map((edge) => [edge.data('tieKey'), edge]));
  for (const edge of edges) {
    if (cy.getElementById(edge.id).nonempty()) continue;
    const same = edge.tieKey ? byTie.get(edge.tieKey) : undefined;
    if (same) {
      if (!same.hasClass('from-path') || edge.fromPath) continue;
      const classes = same.classes().filter((name) => name !== 'from-path');
      same.remove();
      cy.add({ group: 'edges', data: edge, classes });
      continue;
    }
    cy.add({ group: 'edges', data: edge, classes: edge.fromPath ? ['from-path'] : [] });
  }
}

function addNeighborhood(neighborhood) {
  const around = cy.getElementById(neighborhood.centerId);
  const origin = around.nonempty() ? around.position() : { x: 0, y: 0 };
  cy.batch(() => {
    addNodes(
      neighborhood.nodes.map((node) => nodeData(node.id, node.label, node.entity.__typename, node.degree, node.entity)),
      origin,
    );
    addEdges(neighborhood.edges.map((edge) => ({ ...edge, tieKey: edge.tie ? tieKey(edge.tie) : null })));
  });
}

function addPaths(result) {
  const origin = cy.getElementById(result.from.id).nonempty()
    ? cy.getElementById(result.from.id).position()
    : { x: 0, y: 0 };
  cy.batch(() => {
    for (const path of result.paths) {
      addNodes(
        path.nodes.map((node) => nodeData(node.id, node.name, node.__typename, null, node)),
        origin,
      );
      addEdges(
        path.steps.map(({ tie }) => ({
          id: `path:${tieKey(tie)}`,
          source: tie.fromId,
          target: tie.toId,
          type: tie.type,
          label: tie.title ?? tie.role ?? tie.type.toLowerCase().replace(/_/g, ' '),
          sources: tie.sources,
          tie,
          tieKey: tieKey(tie),
          fromPath: true,
        })),
      );
    }
  });
}

/** The path elements of a result, as drawn. */
function pathElements(result) {
  let found = cy.collection();
  const byTie = new Map(cy.edges().map((edge) => [edge.data('tieKey'), edge]));
  for (const path of result.paths) {
    for (const node of path.nodes) found = found.union(cy.getElementById(node.id));
    for (const { tie } of path.steps) {
      const edge = byTie.get(tieKey(tie));
      if (edge) found = found.union(edge);
    }
  }
  return found;
}

/** What is drawn: entities neither hidden nor filtered out, and the ties between two of them. */
function shownElements() {
  const nodes = cy.nodes().filter((node) => !node.hasClass('filtered') && !node.hasClass('hidden'));
  const edges = nodes.edgesWith(nodes).filter((edge) => !edge.hasClass('hidden'));
  return nodes.union(edges);
}

function summary() {
  const shown = shownElements();
  const filtered = cy.nodes('.filtered').not('.hidden').length;
  const hidden = cy.nodes('.hidden').length;
  const notes = [filtered > 0 && `${filtered} outside the filters`, hidden > 0 && `${hidden} hidden`].filter(Boolean);
  say(
    `Drawn: ${shown.nodes().length} entities, ${shown.edges().length} ties.${notes.length ? ` (${notes.join('; ')}.)` : ''}`,
  );
  legend(shown.nodes());
  edgeLabels();
  $('show-hidden').textContent = hidden > 0 ? `Show hidden (${hidden})` : 'Show hidden';
  $('show-hidden').disabled = hidden === 0;
  timeline();
  tools();
  scheduleUrl();
}

function edgeLabels() {
  cy.edges().toggleClass('close-up', cy.zoom() >= EDGE_LABEL_ZOOM);
}

function legend(nodes) {
  const counts = {};
  nodes.forEach((node) => {
    counts[node.data('type')] = (counts[node.data('type')] ?? 0) + 1;
  });
  $('legend').replaceChildren(
    ...Object.entries(COLOURS).map(([type, colour]) => {
      const swatch = element('span', undefined, 'swatch');
      swatch.style.background = colour;
      const item = element('li');
      item.append(swatch, element('span', `${type} ${counts[type] ?? 0}`));
      return item;
    }),
  );
}

function layoutName() {
  return $('layout').value;
}

async function relayout(randomize) {
  setBusy(1);
  cy.edges('.hover').removeClass('hover');
  try {
    const center = centerId ? cy.getElementById(centerId) : null;
    await runLayout(cy, shownElements(), layoutName(), { randomize, center: center?.nonempty() ? center : null });
  } finally {
    setBusy(-1);
  }
  scheduleUrl();
}

// ---- undo ----

function snapshot() {
  return {
    elements: cy.elements().jsons(),
    expansions: [...expansions],
    paths: paths.map((pair) => [...pair]),
    centerId,
    viewport: { zoom: cy.zoom(), pan: { ...cy.pan() } },
  };
}

function remember() {
  undoStack.push(snapshot());
  if (undoStack.length > UNDO_DEPTH) undoStack.shift();
  $('undo').disabled = false;
}

function undo() {
  const previous = undoStack.pop();
  $('undo').disabled = undoStack.length === 0;
  if (!previous) return;
  cy.batch(() => {
    cy.elements().remove();
    cy.add(previous.elements);
  });
  expansions = previous.expansions;
  paths = previous.paths;
  centerId = previous.centerId;
  cy.viewport(previous.viewport);
  applyFilters();
  summary();
  say(`${status.textContent} Undone.`);
}

// ---- drawing ----

async function fetchNeighborhood(id) {
  const { neighborhood } = await graphql(NEIGHBORHOOD, { id, limit: NEIGHBOURS_PER_EXPANSION });
  return neighborhood;
}

/** Draws an entity's neighbourhood into the graph. */
async function expand(id, { layout = true } = {}) {
  say(`Loading the neighbourhood of ${id}…`);
  const neighborhood = await fetchNeighborhood(id);
  const first = cy.nodes().empty();
  addNeighborhood(neighborhood);
  expansions.push(neighborhood.centerId);
  cy.getElementById(neighborhood.centerId).addClass('expanded');
  applyFilters();
  if (layout) await relayout(first);
  summary();
  return neighborhood;
}

/** Starts a new drawing around one entity. */
async function open(id, { layout = true } = {}) {
  if (cy.nodes().nonempty()) remember();
  cy.elements().remove();
  expansions = [];
  paths = [];
  centerId = id;
  $('results').replaceChildren();
  const neighborhood = await expand(id, { layout });
  centerId = neighborhood.centerId;
  const center = cy.getElementById(centerId);
  center.addClass('center');
  $('search').value = center.data('label');
  cy.elements().unselect();
  center.select();
  inspect(center, { truncated: neighborhood.truncated, actions: nodeActions(center) });
  summary();
}

/** An entity named in the panel: selected when drawn, else drawn with its neighbourhood. */
async function focusEntity(id) {
  let node = cy.getElementById(id);
  if (node.empty() || !node.hasClass('expanded')) {
    remember();
    await expand(id);
    node = cy.getElementById(id);
  }
  if (node.empty()) return;
  node.removeClass('hidden');
  cy.elements().unselect();
  node.select();
  cy.animate({ center: { eles: node } }, { duration: 200 });
  inspect(node, { actions: nodeActions(node) });
}

/** Shows an entity in the panel; its reads count as work under way. */
function inspect(node, options) {
  void run(() => inspector.showNode(node, options));
}

function nodeActions(node) {
  if (node.hasClass('expanded')) return [];
  const button = element('button', 'Expand');
  button.type = 'button';
  button.id = 'panel-expand';
  button.addEventListener(
    'click',
    () =>
      void run(async () => {
        remember();
        await expand(node.id());
        inspect(node, { actions: nodeActions(node) });
      }),
  );
  return [button];
}

// ---- tools: path, hide, collapse, pin ----

function selectedNodes() {
  return cy.nodes(':selected');
}

function tools() {
  const selected = selectedNodes();
  $('find-path').disabled = selected.length !== 2;
  $('hide').disabled = selected.empty();
  $('pin').disabled = selected.empty();
  $('pin').textContent = selected.nonempty() && selected.every((node) => node.locked()) ? 'Unpin' : 'Pin';
  $('collapse').disabled = selected.filter('.expanded').empty();
  $('expand').disabled = selected.filter((node) => !node.hasClass('expanded')).empty();
  $('undo').disabled = undoStack.length === 0;
}

function clearPath() {
  cy.elements().removeClass('path faded');
}

function highlight(result) {
  clearPath();
  const onPath = pathElements(result);
  onPath.addClass('path');
  cy.elements().not(onPath).addClass('faded');
}

async function findPath(fromId, toId, { layout = true } = {}) {
  say(`Looking for the shortest paths between ${fromId} and ${toId}…`);
  const { path: result } = await graphql(PATH, { from: fromId, to: toId, maxHops: MAX_PATH_HOPS });
  if (result.length !== null) {
    addPaths(result);
    paths.push([fromId, toId]);
    // Entities on the path are drawn even where a filter or the user hid them.
    pathElements(result).removeClass('hidden filtered');
    highlight(result);
    if (layout) await relayout(false);
  }
  inspector.showPaths(result, { onClear: () => clearPath() });
  summary();
  return result;
}

function hideSelected() {
  const selected = selectedNodes();
  if (selected.empty()) return;
  remember();
  selected.unselect().addClass('hidden');
  summary();
}

function showHidden() {
  remember();
  cy.elements('.hidden').removeClass('hidden');
  summary();
}

/** Takes back what expanding the selected nodes brought: neighbours tied to nothing else drawn. */
function collapseSelected() {
  const targets = selectedNodes().filter('.expanded');
  if (targets.empty()) return;
  remember();
  let removed = cy.collection();
  targets.forEach((node) => {
    const leaves = node.neighborhood('node').filter(
      (other) =>
        !other.hasClass('center') &&
        !other.hasClass('expanded') &&
        !other.locked() &&
        !targets.contains(other) &&
        other
          .connectedEdges()
          .connectedNodes()
          .difference(other)
          .every((end) => end === node),
    );
    removed = removed.union(leaves);
    node.removeClass('expanded');
  });
  removed.remove();
  say(`Collapsed: ${removed.length} entities taken away.`);
  summary();
}

function pinSelected() {
  const selected = selectedNodes();
  if (selected.empty()) return;
  remember();
  const unpin = selected.every((node) => node.locked());
  if (unpin) selected.unlock().removeClass('pinned');
  else selected.lock().addClass('pinned');
  tools();
  scheduleUrl();
}

// ---- filters and the timeline ----

function applyFilters() {
  const sector = $('sector').value;
  cy.batch(() => {
    cy.nodes().forEach((node) => {
      const earliest = node.data('earliest');
      const latest = node.data('latest');
      const sectors = node.data('sectors');
      const outOfPeriod =
        earliest !== null && ((period.from && latest < period.from) || (period.to && earliest > period.to));
      const outOfSector = sector !== '' && Array.isArray(sectors) && !sectors.includes(sector);
      const onPath = node.hasClass('path');
      node.toggleClass('filtered', Boolean(outOfPeriod || outOfSector) && !node.hasClass('center') && !onPath);
    });
  });
}

/** Reads the two date boxes; a bound that is not a date is refused, with a message, and the last good one kept. */
function readPeriod() {
  const errors = [];
  const next = { ...period };
  for (const [key, end, label] of [
    ['from', false, 'From'],
    ['to', true, 'To'],
  ]) {
    const input = $(key);
    const parsed = parseBound(input.value, end);
    input.setAttribute('aria-invalid', parsed.error ? 'true' : 'false');
    if (parsed.error) errors.push(`${label}: ${parsed.error}`);
    else next[key] = parsed.day;
  }
  if (errors.length === 0 && next.from && next.to && next.from > next.to) {
    errors.push(`The period is empty: ${$('from').value.trim()} is after ${$('to').value.trim()}.`);
    $('from').setAttribute('aria-invalid', 'true');
  }
  const message = $('period-error');
  if (errors.length > 0) {
    const kept = period.from || period.to ? `Still showing ${periodText()}.` : 'No period filter is applied.';
    message.textContent = `${errors.join(' ')} ${kept}`;
    message.hidden = false;
    return false;
  }
  message.hidden = true;
  message.textContent = '';
  period.from = next.from;
  period.to = next.to;
  return true;
}

function periodText() {
  return `${period.from ?? 'the start'} to ${period.to ?? 'today'}`;
}

function onPeriodTyped() {
  if (readPeriod()) {
    applyFilters();
    summary();
  }
}

/** The months the drawn facts span, or null when none is dated. */
function extent() {
  let min = Infinity;
  let max = -Infinity;
  cy.nodes().forEach((node) => {
    if (node.data('earliest')) min = Math.min(min, monthOf(node.data('earliest')));
    if (node.data('latest')) max = Math.max(max, monthOf(node.data('latest')));
  });
  return Number.isFinite(min) ? { min, max } : null;
}

/** Redraws the timeline: the span of the drawn facts, a bar per month, the handles at the period. */
function timeline() {
  const span = extent();
  const from = $('time-from');
  const to = $('time-to');
  $('timeline').classList.toggle('empty', !span);
  if (!span) {
    $('time-label').textContent = 'No dated fact drawn.';
    return;
  }
  const max = Math.max(span.max, span.min + 1);
  for (const input of [from, to]) {
    input.min = String(span.min);
    input.max = String(max);
  }
  from.value = String(period.from ? Math.max(span.min, monthOf(period.from)) : span.min);
  to.value = String(period.to ? Math.min(max, monthOf(period.to)) : max);
  const counts = new Map();
  cy.nodes().forEach((node) => {
    if (node.data('earliest') && !node.hasClass('hidden')) {
      const month = monthOf(node.data('earliest'));
      counts.set(month, (counts.get(month) ?? 0) + 1);
    }
  });
  const highest = Math.max(1, ...counts.values());
  const bars = [];
  for (let month = span.min; month <= max; month += 1) {
    const bar = element('span', undefined, 'bar');
    bar.style.height = `${((counts.get(month) ?? 0) / highest) * 100}%`;
    bar.title = `${monthText(month)}: ${counts.get(month) ?? 0} dated facts`;
    bar.classList.toggle('outside', month < Number(from.value) || month > Number(to.value));
    bars.push(bar);
  }
  $('histogram').replaceChildren(...bars);
  $('time-label').textContent = `${monthText(Number(from.value))} – ${monthText(Number(to.value))}`;
}

/** A handle moved: the date boxes follow (a handle at an end leaves that side open), then the filter. */
function onSlide(event) {
  const from = $('time-from');
  const to = $('time-to');
  if (Number(from.value) > Number(to.value)) {
    if (event.target === from) from.value = to.value;
    else to.value = from.value;
  }
  $('from').value = Number(from.value) <= Number(from.min) ? '' : monthText(Number(from.value));
  $('to').value = Number(to.value) >= Number(to.max) ? '' : monthText(Number(to.value));
  onPeriodTyped();
}

// ---- saving and sharing ----

function fileName(extension) {
  const base = (centerId ?? 'graph').replace(/[^a-z0-9-]+/gi, '-');
  return `ties-graph-${base}.${extension}`;
}

function drawing() {
  if (!centerId) return null;
  const round = (value) => Math.round(value);
  return {
    v: 1,
    c: centerId,
    e: expansions,
    p: paths,
    n: cy.nodes().map((node) => node.id()),
    x: cy.nodes('.expanded').map((node) => node.id()),
    h: cy.nodes('.hidden').map((node) => node.id()),
    k: cy
      .nodes()
      .filter((node) => node.locked())
      .map((node) => node.id()),
    pos: cy.nodes().map((node) => [node.id(), round(node.position('x')), round(node.position('y'))]),
    s: cy.nodes(':selected').map((node) => node.id()),
    // What is highlighted as a path now: a path found earlier may since have been cleared.
    hl: cy.elements('.path').map((element) => element.id()),
    z: Math.round(cy.zoom() * 1000) / 1000,
    pan: [round(cy.pan().x), round(cy.pan().y)],
  };
}

function readable() {
  return {
    id: centerId ?? '',
    from: $('from').value.trim(),
    to: $('to').value.trim(),
    sector: $('sector').value,
    layout: layoutName(),
  };
}

let restoring = false;
let urlTimer;
function scheduleUrl() {
  if (restoring) return;
  clearTimeout(urlTimer);
  urlTimer = setTimeout(() => {
    void viewUrl(readable(), drawing()).then((url) => history.replaceState(null, '', url));
  }, 200);
}

async function share() {
  const url = await viewUrl(readable(), drawing());
  history.replaceState(null, '', url);
  const box = $('share-url');
  box.value = url;
  box.hidden = false;
  box.select();
  try {
    await navigator.clipboard.writeText(url);
    say('The link to this view is copied.');
  } catch {
    say('The link to this view is in the box: copy it from there.');
  }
}

async function saveImage(kind) {
  if (cy.nodes().empty()) return;
  if (kind === 'png') {
    download(
      fileName('png'),
      await cy.png({ output: 'blob-promise', full: true, scale: 2, bg: '#ffffff' }),
      'image/png',
    );
  } else {
    download(fileName('svg'), cy.svg({ full: true, scale: 1, bg: '#ffffff' }), 'image/svg+xml');
  }
}

async function saveGraph(kind) {
  const shown = shownElements();
  const url = await viewUrl(readable(), drawing());
  if (kind === 'graphml') {
    download(
      fileName('graphml'),
      toGraphML(shown.nodes(), shown.edges(), `ties-graph view: ${url}`),
      'application/graphml+xml',
    );
  } else {
    download(fileName('json'), toJSON(shown.nodes(), shown.edges(), url), 'application/json');
  }
}

/** Redraws a view from a link: the same expansions and paths, then exactly what was drawn, where. */
async function restore(view) {
  const { readable: asked, drawing: drawn } = view;
  if (asked.layout && LAYOUTS[asked.layout]) $('layout').value = asked.layout;
  if (asked.sector) $('sector').value = asked.sector;
  $('from').value = asked.from;
  $('to').value = asked.to;
  readPeriod();
  const center = drawn?.c ?? asked.id;
  if (!center) return;
  if (!drawn) {
    await open(center);
    return;
  }
  restoring = true;
  try {
    await open(center, { layout: false });
    for (const id of drawn.e.slice(1)) await expand(id, { layout: false }).catch(() => undefined);
    let lastPath = null;
    for (const [fromId, toId] of drawn.p) lastPath = await findPath(fromId, toId, { layout: false }).catch(() => null);
    const keep = new Set(drawn.n);
    const positions = new Map(drawn.pos.map(([id, x, y]) => [id, { x, y }]));
    cy.batch(() => {
      cy.nodes()
        .filter((node) => !keep.has(node.id()))
        .remove();
      cy.nodes().forEach((node) => {
        const position = positions.get(node.id());
        if (position) node.position(position);
      });
      cy.nodes().removeClass('expanded');
      for (const id of drawn.x) cy.getElementById(id).addClass('expanded');
      for (const id of drawn.h) cy.getElementById(id).addClass('hidden');
      for (const id of drawn.k) cy.getElementById(id).lock().addClass('pinned');
      cy.elements().unselect();
      for (const id of drawn.s) cy.getElementById(id).select();
    });
    clearPath();
    if (Array.isArray(drawn.hl)) {
      if (drawn.hl.length > 0) {
        const onPath = cy.collection(
          drawn.hl.map((id) => cy.getElementById(id)).filter((element) => element.nonempty()),
        );
        onPath.addClass('path');
        cy.elements().not(onPath).addClass('faded');
      }
    } else if (lastPath) highlight(lastPath);
    cy.viewport({ zoom: drawn.z, pan: { x: drawn.pan[0], y: drawn.pan[1] } });
    undoStack.length = 0;
    applyFilters();
    const selected = cy.nodes(':selected');
    if (selected.length === 1) inspect(selected, { actions: nodeActions(selected) });
  } finally {
    restoring = false;
  }
  summary();
}

// ---- search ----

let searchTimer;
async function search() {
  const text = $('search').value.trim();
  if (text.length < 2) {
    $('results').replaceChildren();
    return;
  }
  try {
    const { search: hits } = await graphql(SEARCH, { text });
    $('results').replaceChildren(
      ...hits.map(({ entity }) => {
        const button = element('button');
        button.type = 'button';
        button.dataset.id = entity.id;
        button.append(element('span', entity.name), element('span', ` ${entity.__typename}`, 'type'));
        button.addEventListener('click', () => void run(() => open(entity.id)));
        const item = element('li');
        item.append(button);
        return item;
      }),
    );
    if (hits.length === 0) $('results').replaceChildren(element('li', 'Nothing found.', 'hint'));
  } catch (error) {
    say(error.message, true);
  }
}

// ---- wiring ----

$('search-form').addEventListener('submit', (event) => {
  event.preventDefault();
  void search();
});
$('search').addEventListener('input', () => {
  clearTimeout(searchTimer);
  searchTimer = setTimeout(() => void search(), 250);
});
for (const id of ['from', 'to']) $(id).addEventListener('change', onPeriodTyped);
$('sector').addEventListener('change', () => {
  applyFilters();
  summary();
});
$('time-from').addEventListener('input', onSlide);
$('time-to').addEventListener('input', onSlide);

for (const [name, label] of Object.entries(LAYOUTS)) {
  const option = element('option', label);
  option.value = name;
  $('layout').append(option);
}
$('layout').addEventListener(
  'change',
  () =>
    void run(async () => {
      remember();
      await relayout(true);
    }),
);
$('relayout').addEventListener(
  'click',
  () =>
    void run(async () => {
      remember();
      await relayout(true);
    }),
);
$('fit').addEventListener('click', () => cy.fit(shownElements(), 40));
$('find-path').addEventListener(
  'click',
  () =>
    void run(async () => {
      const selected = selectedNodes().map((node) => node.id());
      const ordered = selectionOrder.filter((id) => selected.includes(id));
      const [a, b] = ordered.length === 2 ? ordered : selected;
      remember();
      await findPath(a, b);
    }),
);
$('expand').addEventListener(
  'click',
  () =>
    void run(async () => {
      const targets = selectedNodes().filter((node) => !node.hasClass('expanded'));
      if (targets.empty()) return;
      remember();
      for (const node of targets.toArray()) await expand(node.id(), { layout: false });
      await relayout(false);
    }),
);
$('hide').addEventListener('click', hideSelected);
$('show-hidden').addEventListener('click', showHidden);
$('collapse').addEventListener('click', collapseSelected);
$('pin').addEventListener('click', pinSelected);
$('undo').addEventListener('click', undo);
$('save-png').addEventListener('click', () => void run(() => saveImage('png')));
$('save-svg').addEventListener('click', () => void run(() => saveImage('svg')));
$('save-graphml').addEventListener('click', () => void run(() => saveGraph('graphml')));
$('save-json').addEventListener('click', () => void run(() => saveGraph('json')));
$('share').addEventListener('click', () => void run(share));

document.addEventListener('keydown', (event) => {
  if (event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement) return;
  if ((event.ctrlKey || event.metaKey) && event.key === 'z') {
    event.preventDefault();
    undo();
  } else if (event.key === 'Delete' || event.key === 'h') hideSelected();
  else if (event.key === 'p') pinSelected();
  else if (event.key === 'Escape') {
    clearPath();
    cy.elements().unselect();
  }
});

// The last two things tapped: cytoscape calls two quick taps a double tap even on two different
// nodes (shift-clicking two entities for a path), and only a double tap on one node expands it.
let taps = [null, null];
cy.on('tap', (event) => {
  taps = [taps[1], event.target === cy ? null : event.target.id()];
});
cy.on('tap', 'node', (event) => {
  const node = event.target;
  inspect(node, { actions: nodeActions(node) });
});
cy.on('dbltap', 'node', (event) => {
  const node = event.target;
  if (node.hasClass('expanded') || taps[0] !== node.id() || event.originalEvent?.shiftKey) return;
  void run(async () => {
    remember();
    await expand(node.id());
    inspect(node, { actions: nodeActions(node) });
  });
});
cy.on('tap', 'edge', (event) => void run(() => inspector.showEdge(event.target)));
cy.on('mouseover', 'edge', (event) => event.target.addClass('hover'));
cy.on('mouseout', 'edge', (event) => event.target.removeClass('hover'));
// The pointer can leave a tie by leaving the graph, or by the tie moving away under it.
$('graph').addEventListener('mouseleave', () => cy.edges('.hover').removeClass('hover'));
// The order entities were selected in: a path runs from the first to the second.
let selectionOrder = [];
cy.on('select', 'node', (event) => {
  selectionOrder = [...selectionOrder.filter((id) => id !== event.target.id()), event.target.id()];
});
cy.on('unselect remove', 'node', (event) => {
  selectionOrder = selectionOrder.filter((id) => id !== event.target.id());
});
cy.on('select unselect', () => tools());
cy.on('dragfree', 'node', () => scheduleUrl());
let closeUp = false;
cy.on('viewport', () => {
  if (closeUp !== cy.zoom() >= EDGE_LABEL_ZOOM) {
    closeUp = !closeUp;
    edgeLabels();
  }
  scheduleUrl();
});

// For tests and the browser console.
window.tiesExplorer = {
  cy,
  labelOverlaps: () => labelOverlaps(shownElements().nodes()),
  findPath: (fromId, toId) =>
    run(async () => {
      remember();
      await findPath(fromId, toId);
    }),
};

legend(cy.nodes());
tools();
setBusy(0);
void run(async () => {
  const { sectors } = await graphql(SECTORS);
  for (const sector of sectors.nodes) {
    const option = element('option', sector.name);
    option.value = sector.id;
    $('sector').append(option);
  }
  await restore(await readView(window.location.href));
});
