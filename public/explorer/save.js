// Saving the view: the picture (PNG, SVG) and the drawn subgraph (GraphML for Gephi, yEd and
// Cytoscape desktop; JSON for scripts). Only what is drawn is saved: hidden and filtered
// entities, and ties to them, are left out.

const NODE_KEYS = ['label', 'type', 'degree', 'earliest', 'latest', 'x', 'y', 'pinned'];
const EDGE_KEYS = ['type', 'label', 'sources'];
const KEY_TYPES = { degree: 'int', x: 'double', y: 'double', pinned: 'boolean' };

function xml(text) {
  return String(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function nodeRecord(node) {
  const position = node.position();
  return {
    id: node.id(),
    label: node.data('label'),
    type: node.data('type'),
    degree: node.data('degree'),
    earliest: node.data('earliest'),
    latest: node.data('latest'),
    x: Math.round(position.x * 10) / 10,
    y: Math.round(position.y * 10) / 10,
    pinned: node.locked(),
  };
}

function edgeRecord(edge) {
  return {
    id: edge.id(),
    source: edge.source().id(),
    target: edge.target().id(),
    type: edge.data('type'),
    label: edge.data('label'),
    tie: edge.data('tie') ?? null,
    sources: edge.data('sources') ?? [],
  };
}

/** The drawn subgraph as GraphML, with one `<data>` per attribute a node or edge has. */
export function toGraphML(nodes, edges, description) {
  const keys = [
    ...NODE_KEYS.map(
      (key) => `  <key id="n_${key}" for="node" attr.name="${key}" attr.type="${KEY_TYPES[key] ?? 'string'}"/>`,
    ),
    ...EDGE_KEYS.map((key) => `  <key id="e_${key}" for="edge" attr.name="${key}" attr.type="string"/>`),
  ];
  const data = (prefix, key, value) =>
    value === null || value === undefined ? '' : `<data key="${prefix}_${key}">${xml(value)}</data>`;
  const nodeLines = nodes.map((node) => {
    const record = nodeRecord(node);
    return `    <node id="${xml(record.id)}">${NODE_KEYS.map((key) => data('n', key, record[key])).join('')}</node>`;
  });
  const edgeLines = edges.map((edge) => {
    const record = edgeRecord(edge);
    const sources = record.sources
      .map((source) => [source.sourceId, source.locator].filter(Boolean).join(' '))
      .join('; ');
    const values = { type: record.type, label: record.label, sources };
    return (
      `    <edge id="${xml(record.id)}" source="${xml(record.source)}" target="${xml(record.target)}">` +
      `${EDGE_KEYS.map((key) => data('e', key, values[key])).join('')}</edge>`
    );
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    `  <desc>${xml(description)}</desc>`,
    ...keys,
    '  <graph id="ties-graph" edgedefault="directed">',
    ...nodeLines,
    ...edgeLines,
    '  </graph>',
    '</graphml>',
    '',
  ].join('\n');
}

export function toJSON(nodes, edges, link) {
  return JSON.stringify(
    { view: link, savedAt: new Date().toISOString(), nodes: nodes.map(nodeRecord), edges: edges.map(edgeRecord) },
    null,
    2,
  );
}

/** Hands a file to the browser's downloads. */
export function download(name, content, type) {
  const blob = content instanceof Blob ? content : new Blob([content], { type });
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
