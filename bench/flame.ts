/**
 * Flame graphs from V8 CPU profiles (`node --cpu-prof`): an SVG whose boxes are functions, as wide
 * as the share of CPU time spent in them and what they call, stacked by call depth; and a table of
 * where the time went, by package. Idle time is left out.
 *
 *   ts-node --transpile-only bench/flame.ts <profile.cpuprofile> <out.svg> [title]
 */
import { readFileSync, writeFileSync } from 'node:fs';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

interface Frame {
  readonly name: string;
  readonly area: string;
  total: number;
  self: number;
  readonly children: Map<string, Frame>;
}

/** Where a function lives: a package, Node itself, the app's own code, or the engine. */
export function areaOf(url: string, functionName: string): string {
  if (functionName === '(garbage collector)') return '(gc)';
  if (!url) return '(native)';
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (dependency?.[1]) return dependency[1];
  if (url.startsWith('node:')) return 'node';
  const own = /\/(dist|src|bench)\/(.+?)(\.[jt]s)?$/.exec(url);
  return own?.[2] ? `app:${own[2]}` : url;
}

const IDLE = new Set(['(idle)', '(program)', '(root)']);

/** The profile as a tree of call stacks, with microseconds spent in and under each frame. */
export function stackTree(profile: CpuProfile): Frame {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const root: Frame = { name: 'all', area: '', total: 0, self: 0, children: new Map() };
  profile.samples.forEach((sample, index) => {
    const time = profile.timeDeltas[index] ?? 0;
    const stack: ProfileNode[] = [];
    for (let id: number | undefined = sample; id !== undefined; id = parent.get(id)) {
      const node = byId.get(id);
      if (node) stack.push(node);
    }
    const leaf = stack[0];
    if (!leaf || IDLE.has(leaf.callFrame.functionName)) return;
    let frame = root;
    root.total += time;
    for (const node of stack.reverse()) {
      if (node.callFrame.functionName === '(root)') continue;
      const name = node.callFrame.functionName || '(anonymous)';
      const area = areaOf(node.callFrame.url, name);
      const key = `${name}\u0000${area}`;
      let child = frame.children.get(key);
      if (!child) {
        child = { name, area, total: 0, self: 0, children: new Map() };
        frame.children.set(key, child);
      }
      child.total += time;
      frame = child;
    }
    frame.self += time;
  });
  return root;
}

/** Self time by area (where the CPU actually was) and time under each area (what it caused). */
export function byArea(root: Frame): { area: string; self: number; inclusive: number }[] {
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const walk = (frame: Frame, seen: ReadonlySet<string>): void => {
    self.set(frame.area, (self.get(frame.area) ?? 0) + frame.self);
    const fresh = !seen.has(frame.area);
    if (fresh) inclusive.set(frame.area, (inclusive.get(frame.area) ?? 0) + frame.total);
    const below = fresh ? new Set([...seen, frame.area]) : seen;
    for (const child of frame.children.values()) walk(child, below);
  };
  for (const child of root.children.values()) walk(child, new Set());
  return [...inclusive.keys()]
    .map((area) => ({
      area,
      self: (self.get(area) ?? 0) / root.total,
      inclusive: (inclusive.get(area) ?? 0) / root.total,
    }))
    .sort((a, b) => b.inclusive - a.inclusive);
}

const COLOURS: [RegExp, string][] = [
  [/^app:/, '#e8a33d'],
  [/^(graphql|type-graphql|graphql-query-complexity|dataloader|class-validator|zod)$/, '#7fb3d5'],
  [/^neo4j-driver/, '#82c77e'],
  [/^(@apollo|@as-integrations|express|router|body-parser|raw-body)/, '#c39bd3'],
  [/^@neo4j\/graphql|^@neo4j\/cypher-builder/, '#f1948a'],
  [/^node$/, '#b0b0b0'],
];

function colourOf(area: string): string {
  return COLOURS.find(([pattern]) => pattern.test(area))?.[1] ?? '#d5d5d5';
}

const escape = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** An SVG flame graph (callers below, callees above), 1200 px wide. */
export function renderSvg(root: Frame, title: string): string {
  const width = 1200;
  const rowHeight = 16;
  const boxes: { frame: Frame; x: number; width: number; depth: number }[] = [];
  const place = (frame: Frame, x: number, depth: number): void => {
    const boxWidth = (frame.total / root.total) * width;
    if (boxWidth < 0.3) return;
    boxes.push({ frame, x, width: boxWidth, depth });
    let offset = x;
    for (const child of [...frame.children.values()].sort((a, b) => b.total - a.total)) {
      place(child, offset, depth + 1);
      offset += (child.total / root.total) * width;
    }
  };
  place(root, 0, 0);
  const depths = Math.max(...boxes.map((box) => box.depth)) + 1;
  const height = depths * rowHeight + 24;
  const base = depths * rowHeight;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="monospace" font-size="10">`,
    ...boxes.map(({ frame, x, width: boxWidth, depth }) => {
      const y = base - (depth + 1) * rowHeight;
      const label = `${frame.name} (${frame.area})`;
      const share = ((100 * frame.total) / root.total).toFixed(1);
      const text =
        boxWidth > 40
          ? `<text x="${(x + 3).toFixed(1)}" y="${y + 12}">${escape(label.slice(0, Math.floor(boxWidth / 6.5)))}</text>`
          : '';
      return (
        `<g><title>${escape(label)}: ${share}%</title>` +
        `<rect x="${x.toFixed(1)}" y="${y}" width="${boxWidth.toFixed(1)}" height="${rowHeight - 1}" fill="${colourOf(frame.area)}"/>${text}</g>`
      );
    }),
    `<text x="4" y="${height - 6}" font-size="12">${escape(title)} (${(root.total / 1000).toFixed(0)} ms of CPU)</text>`,
    '</svg>',
  ].join('\n');
}

/** The markdown table of where the time went, biggest first. */
export function areaTable(root: Frame, rows = 12): string {
  const lines = ['| where | self | with what it calls |', '| ----- | ---: | -----------------: |'];
  for (const { area, self, inclusive } of byArea(root).slice(0, rows)) {
    lines.push(`| ${area} | ${(100 * self).toFixed(1)}% | ${(100 * inclusive).toFixed(1)}% |`);
  }
  return lines.join('\n');
}

export function flameGraph(profileFile: string, svgFile: string, title: string): { table: string; cpuMs: number } {
  const root = stackTree(JSON.parse(readFileSync(profileFile, 'utf8')) as CpuProfile);
  writeFileSync(svgFile, renderSvg(root, title));
  return { table: areaTable(root), cpuMs: root.total / 1000 };
}

if (require.main === module) {
  const [profileFile, svgFile, title] = process.argv.slice(2);
  if (!profileFile || !svgFile) {
    process.stderr.write('usage: flame.ts <profile.cpuprofile> <out.svg> [title]\n');
    process.exit(2);
  }
  const { table } = flameGraph(profileFile, svgFile, title ?? profileFile);
  process.stdout.write(`${table}\n`);
}
