// Layouts to choose from, and a last pass that moves nodes apart until no label lies over another
// node or another label: force layouts only approximate that, and long names are wide.

/** The layouts offered, in the chooser's order; the first is the default. */
export const LAYOUTS = {
  fcose: 'Force-directed (fCoSE)',
  cola: 'Constraint-based (Cola)',
  concentric: 'Concentric by ties',
  breadthfirst: 'Tree from the centre',
  circle: 'Circle',
  grid: 'Grid',
  cose: 'Force-directed (CoSE, built in)',
};

/** The options of a layout; `randomize` only for a first drawing, so an expansion keeps the picture. */
function optionsOf(name, { randomize, center, pinned }) {
  const common = { name, animate: false, padding: 40, fit: true, nodeDimensionsIncludeLabels: true };
  switch (name) {
    case 'fcose':
      return {
        ...common,
        quality: 'default',
        randomize,
        nodeRepulsion: () => 9000,
        idealEdgeLength: () => 90,
        nodeSeparation: 90,
        gravity: 0.2,
        numIter: 2500,
        packComponents: true,
        fixedNodeConstraint:
          pinned.length > 0
            ? pinned.map((node) => ({ nodeId: node.id(), position: { ...node.position() } }))
            : undefined,
      };
    case 'cola':
      return {
        ...common,
        randomize,
        avoidOverlap: true,
        handleDisconnected: true,
        edgeLength: 110,
        maxSimulationTime: 1500,
        infinite: false,
      };
    case 'concentric':
      return {
        ...common,
        // The entity opened in the middle, then by how many ties are drawn.
        concentric: (node) => (center && node.id() === center.id() ? 1e6 : node.degree()),
        levelWidth: () => 3,
        minNodeSpacing: 20,
        avoidOverlap: true,
      };
    case 'breadthfirst':
      return {
        ...common,
        roots: center ? [center] : undefined,
        directed: false,
        spacingFactor: 1.1,
        avoidOverlap: true,
      };
    case 'circle':
    case 'grid':
      return { ...common, avoidOverlap: true, avoidOverlapPadding: 12 };
    default:
      return {
        ...common,
        name: 'cose',
        randomize,
        nodeRepulsion: () => 400000,
        idealEdgeLength: () => 110,
        nodeOverlap: 20,
        gravity: 40,
      };
  }
}

/** Runs a layout over `elements` and resolves once it has stopped and the labels are apart. */
export function runLayout(cy, elements, name, { randomize = false, center = null } = {}) {
  const pinned = elements.nodes().filter((node) => node.locked());
  const layout = elements.layout(optionsOf(LAYOUTS[name] ? name : 'fcose', { randomize, center, pinned }));
  return new Promise((resolve) => {
    layout.one('layoutstop', () => {
      separateLabels(elements.nodes());
      cy.fit(elements, 40);
      // A small graph fitted to the screen would be drawn huge.
      if (cy.zoom() > 1.1) {
        cy.zoom(1.1);
        cy.center(elements);
      }
      resolve();
    });
    layout.run();
  });
}

function overlap(a, b, gap) {
  const x = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) + gap;
  const y = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) + gap;
  return x > 0 && y > 0 ? { x, y } : null;
}

/**
 * Pushes apart every two nodes whose boxes (node and label) overlap, along the axis where they
 * overlap least; a pinned node stays where it is and the other moves the whole way. Repeats until
 * nothing overlaps (or enough rounds have passed for a graph a person can read).
 */
export function separateLabels(nodes, gap = 6, rounds = 80) {
  const items = nodes.map((node) => {
    const box = node.boundingBox({ includeLabels: true, includeOverlays: false });
    return { node, box: { x1: box.x1, x2: box.x2, y1: box.y1, y2: box.y2 }, dx: 0, dy: 0, fixed: node.locked() };
  });
  const shift = (item, dx, dy) => {
    item.box.x1 += dx;
    item.box.x2 += dx;
    item.box.y1 += dy;
    item.box.y2 += dy;
    item.dx += dx;
    item.dy += dy;
  };
  for (let round = 0; round < rounds; round += 1) {
    let moved = false;
    for (let i = 0; i < items.length; i += 1) {
      for (let j = i + 1; j < items.length; j += 1) {
        const a = items[i];
        const b = items[j];
        const by = overlap(a.box, b.box, gap);
        if (!by || (a.fixed && b.fixed)) continue;
        moved = true;
        const horizontal = by.x < by.y;
        const amount = horizontal ? by.x : by.y;
        const ahead = horizontal
          ? a.box.x1 + a.box.x2 <= b.box.x1 + b.box.x2
          : a.box.y1 + a.box.y2 <= b.box.y1 + b.box.y2;
        const sign = ahead ? 1 : -1;
        const shareA = a.fixed ? 0 : b.fixed ? 1 : 0.5;
        const shareB = 1 - shareA;
        if (horizontal) {
          shift(a, -sign * amount * shareA, 0);
          shift(b, sign * amount * shareB, 0);
        } else {
          shift(a, 0, -sign * amount * shareA);
          shift(b, 0, sign * amount * shareB);
        }
      }
    }
    if (!moved) break;
  }
  nodes.cy().batch(() => {
    for (const item of items) {
      if (item.fixed || (item.dx === 0 && item.dy === 0)) continue;
      const position = item.node.position();
      item.node.position({ x: position.x + item.dx, y: position.y + item.dy });
    }
  });
}

/** Pairs of nodes whose boxes (with labels) overlap: what `separateLabels` removes; for tests. */
export function labelOverlaps(nodes) {
  const boxes = nodes.map((node) => ({
    id: node.id(),
    box: node.boundingBox({ includeLabels: true, includeOverlays: false }),
  }));
  const found = [];
  for (let i = 0; i < boxes.length; i += 1) {
    for (let j = i + 1; j < boxes.length; j += 1) {
      if (overlap(boxes[i].box, boxes[j].box, 0)) found.push([boxes[i].id, boxes[j].id]);
    }
  }
  return found;
}
