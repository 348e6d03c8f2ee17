/* global cytoscape */
// The graph explorer: search an entity, draw its neighbourhood coloured by type, click a node to
// expand it, click an edge to read the sources that state it, and hide the facts outside a period
// or a sector. Everything comes from this server's GraphQL API (`search`, `neighborhood`); URLs
// are relative so the page also works behind a proxy that mounts the API under a path.
(function explorer() {
  'use strict';

  const COLOURS = {
    Region: '#2f7ed8',
    Organization: '#8e44ad',
    Official: '#e67e22',
    Forum: '#16a085',
    Document: '#c0392b',
    Sector: '#6d7b8d',
    Figure: '#d4a20d',
    Source: '#a0a7ad',
  };
  const NEIGHBOURS_PER_EXPANSION = 60;

  // Dates and sectors of the facts, for the filters; a part document takes its package's sectors.
  const FACT_FIELDS = `
    ... on Document { signedOn { earliest latest } sectors { id } partOf { sectors { id } } }
    ... on Forum { date { earliest latest } }
    ... on Figure { period { earliest latest } }`;
  const SEARCH = `query ExplorerSearch($text: String!) {
    search(text: $text, first: 20) { entity { id name __typename } }
  }`;
  const NEIGHBORHOOD = `query ExplorerNeighborhood($id: ID!, $limit: Int!) {
    neighborhood(id: $id, depth: 1, limit: $limit) {
      centerId
      truncated
      nodes { id label degree entity { id __typename ${FACT_FIELDS} } }
      edges { id source target type label sources { sourceId locator } }
    }
  }`;
  const SECTORS = `query ExplorerSectors { sectors(first: 100) { nodes { id name } } }`;
  const SOURCE = `query ExplorerSource($id: ID!) {
    source(id: $id) { id name publisher url publishedOn { value } }
  }`;

  const $ = (id) => document.getElementById(id);
  const status = $('status');
  const details = $('details');
  const apiKey = $('api-key');
  apiKey.value = sessionStorage.getItem('ties-graph-api-key') ?? '';
  apiKey.addEventListener('change', () => sessionStorage.setItem('ties-graph-api-key', apiKey.value.trim()));

  function say(text, isError = false) {
    status.textContent = text;
    status.classList.toggle('error', isError);
  }

  /** Runs one operation; JSON content type satisfies the API's CSRF prevention. */
  async function graphql(query, variables = {}) {
    const headers = { 'content-type': 'application/json' };
    if (apiKey.value.trim()) headers.authorization = `Bearer ${apiKey.value.trim()}`;
    const response = await fetch(new URL('graphql', window.location.href), {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
    });
    const body = await response.json();
    if (body.errors?.length) throw new Error(body.errors.map((error) => error.message).join('; '));
    return body.data;
  }

  function element(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  const cy = cytoscape({
    container: $('graph'),
    style: [
      {
        selector: 'node',
        style: {
          'background-color': 'data(colour)',
          label: 'data(label)',
          'font-size': 10,
          'text-valign': 'bottom',
          'text-margin-y': 3,
          'text-wrap': 'ellipsis',
          'text-max-width': 120,
          width: 'mapData(degree, 1, 30, 18, 46)',
          height: 'mapData(degree, 1, 30, 18, 46)',
        },
      },
      { selector: 'node.center', style: { 'border-width': 4, 'border-color': '#222' } },
      { selector: 'node.expanded', style: { 'border-width': 2, 'border-color': '#555' } },
      { selector: 'node:selected', style: { 'overlay-opacity': 0.15, 'overlay-color': '#000' } },
      {
        selector: 'edge',
        style: {
          width: 1.5,
          'line-color': '#b9c0c7',
          'target-arrow-color': '#b9c0c7',
          'target-arrow-shape': 'triangle',
          'curve-style': 'bezier',
          label: 'data(type)',
          'font-size': 7,
          color: '#777',
          'text-rotation': 'autorotate',
          // Tie types show once zoomed in enough to read them.
          'min-zoomed-font-size': 6,
        },
      },
      { selector: 'edge:selected', style: { width: 3, 'line-color': '#2f7ed8', 'target-arrow-color': '#2f7ed8' } },
      { selector: '.filtered', style: { display: 'none' } },
    ],
  });
  // For tests and the browser console.
  window.tiesExplorer = { cy };

  const expanded = new Set();

  function factOf(node) {
    const entity = node.entity;
    const when = entity.signedOn ?? entity.date ?? entity.period ?? null;
    const sectors = [...(entity.sectors ?? []), ...(entity.partOf?.sectors ?? [])].map((sector) => sector.id);
    return {
      earliest: when?.earliest ?? null,
      latest: when?.latest ?? null,
      sectors: node.entity.__typename === 'Document' ? sectors : null,
    };
  }

  function add(neighborhood) {
    const around = cy.getElementById(neighborhood.centerId);
    const origin = around.nonempty() ? around.position() : { x: 0, y: 0 };
    cy.batch(() => {
      for (const node of neighborhood.nodes) {
        if (cy.getElementById(node.id).nonempty()) continue;
        cy.add({
          group: 'nodes',
          // New neighbours start around the node they hang off, so the layout only has to settle them.
          position: { x: origin.x + (Math.random() - 0.5) * 120, y: origin.y + (Math.random() - 0.5) * 120 },
          data: {
            ...factOf(node),
            id: node.id,
            label: node.label,
            // The type as people read it (`Region`, its `__typename`), for colours, details and legend.
            type: node.entity.__typename,
            degree: node.degree,
            colour: COLOURS[node.entity.__typename] ?? '#999',
          },
        });
      }
      for (const edge of neighborhood.edges) {
        if (cy.getElementById(edge.id).nonempty()) continue;
        cy.add({ group: 'edges', data: { ...edge } });
      }
    });
  }

  /** Spreads the graph out; a first drawing starts from random places, an expansion from the current ones. */
  function layout(randomize) {
    cy.layout({
      name: 'cose',
      animate: false,
      randomize,
      nodeRepulsion: () => 400000,
      idealEdgeLength: () => 110,
      nodeOverlap: 20,
      gravity: 40,
      padding: 40,
    }).run();
    // A small graph fitted to the screen would be drawn huge.
    if (cy.zoom() > 1.1) {
      cy.zoom(1.1);
      cy.center();
    }
  }

  function summary() {
    const nodes = cy.nodes().not('.filtered').length;
    const edges = cy.edges().filter((edge) => edge.visible()).length;
    say(`Drawn: ${nodes} entities, ${edges} ties.`);
    legend();
  }

  async function expand(id) {
    say(`Loading the neighbourhood of ${id}…`);
    const { neighborhood } = await graphql(NEIGHBORHOOD, { id, limit: NEIGHBOURS_PER_EXPANSION });
    const first = cy.nodes().empty();
    add(neighborhood);
    expanded.add(id);
    cy.getElementById(id).addClass('expanded');
    applyFilters();
    layout(first);
    summary();
    return neighborhood;
  }

  async function open(id) {
    cy.elements().remove();
    expanded.clear();
    const url = new URL(window.location.href);
    url.searchParams.set('id', id);
    history.replaceState(null, '', url);
    $('results').replaceChildren();
    const neighborhood = await expand(id);
    cy.getElementById(neighborhood.centerId).addClass('center');
    $('search').value = cy.getElementById(neighborhood.centerId).data('label');
    showNode(cy.getElementById(neighborhood.centerId), neighborhood.truncated);
  }

  // The edge whose sources the details panel shows, if any.
  let shownEdge = null;

  function showNode(node, truncated = false) {
    shownEdge = null;
    details.replaceChildren(
      element('h2', node.data('label')),
      element('p', `${node.data('type')} · ${node.id()}`, 'type'),
      element('p', `${node.data('degree')} ties in all; ${node.connectedEdges().length} drawn.`),
    );
    if (node.data('earliest')) details.append(element('p', `Dated ${node.data('earliest')} – ${node.data('latest')}`));
    if (truncated)
      details.append(element('p', 'Only the nearest entities are drawn: click nodes to expand them.', 'hint'));
  }

  const sourceCache = new Map();
  async function sourceOf(id) {
    if (!sourceCache.has(id))
      sourceCache.set(
        id,
        graphql(SOURCE, { id }).then((data) => data.source),
      );
    return sourceCache.get(id);
  }

  async function showEdge(edge) {
    shownEdge = edge;
    const list = element('ul');
    list.id = 'edge-sources';
    details.replaceChildren(
      element('h2', edge.data('type')),
      element('p', `${edge.source().data('label')} → ${edge.target().data('label')}`),
      element('p', edge.data('label'), 'type'),
      element('h2', 'Sources'),
      element('p', 'Loading…', 'hint'),
    );
    const statements = edge.data('sources');
    const items = await Promise.all(
      statements.map(async (statement) => {
        const source = await sourceOf(statement.sourceId).catch(() => null);
        const name = source?.name ?? statement.sourceId;
        const title = source?.url
          ? Object.assign(element('a', name), { href: source.url, target: '_blank', rel: 'noopener' })
          : element('span', name);
        const where = [source?.publisher, source?.publishedOn?.value, statement.locator].filter(Boolean).join(', ');
        const item = element('li');
        item.append(title, element('span', where ? ` (${where})` : ''), element('div', statement.sourceId, 'type'));
        return item;
      }),
    );
    // Another click may have come while the sources loaded; show only the latest.
    if (shownEdge !== edge) return;
    list.replaceChildren(...(items.length > 0 ? items : [element('li', 'No source recorded.')]));
    details.lastChild.replaceWith(list);
  }

  /** A partial date typed by the user as its first or last day ("2022" → 2022-01-01 / 2022-12-31). */
  function dayOf(text, end) {
    const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(text.trim());
    if (!match) return null;
    const [, year, month, day] = match;
    if (day) return `${year}-${month}-${day}`;
    if (month)
      return end
        ? new Date(Date.UTC(Number(year), Number(month), 0)).toISOString().slice(0, 10)
        : `${year}-${month}-01`;
    return end ? `${year}-12-31` : `${year}-01-01`;
  }

  function applyFilters() {
    const from = dayOf($('from').value, false);
    const to = dayOf($('to').value, true);
    const sector = $('sector').value;
    $('from').setCustomValidity($('from').value.trim() && !from ? 'Use 2022, 2022-03 or 2022-03-28' : '');
    $('to').setCustomValidity($('to').value.trim() && !to ? 'Use 2022, 2022-03 or 2022-03-28' : '');
    cy.batch(() => {
      cy.nodes().forEach((node) => {
        const earliest = node.data('earliest');
        const latest = node.data('latest');
        const sectors = node.data('sectors');
        const outOfPeriod = earliest !== null && ((from && latest < from) || (to && earliest > to));
        const outOfSector = sector !== '' && Array.isArray(sectors) && !sectors.includes(sector);
        node.toggleClass('filtered', Boolean(outOfPeriod || outOfSector) && !node.hasClass('center'));
      });
    });
  }

  function legend() {
    const counts = {};
    cy.nodes()
      .not('.filtered')
      .forEach((node) => {
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
          button.addEventListener('click', () => run(() => open(entity.id)));
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

  function run(work) {
    work().catch((error) => say(error.message, true));
  }

  $('search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    void search();
  });
  $('search').addEventListener('input', () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => void search(), 250);
  });
  for (const id of ['from', 'to', 'sector']) {
    $(id).addEventListener('change', () => {
      applyFilters();
      summary();
    });
  }
  cy.on('tap', 'node', (event) => {
    const node = event.target;
    showNode(node);
    if (!expanded.has(node.id())) run(() => expand(node.id()).then(() => showNode(node)));
  });
  cy.on('tap', 'edge', (event) => run(() => showEdge(event.target)));

  legend();
  run(async () => {
    const { sectors } = await graphql(SECTORS);
    for (const sector of sectors.nodes) {
      const option = element('option', sector.name);
      option.value = sector.id;
      $('sector').append(option);
    }
  });
  const start = new URL(window.location.href).searchParams.get('id');
  if (start) run(() => open(start));
})();
