import { XMLParser } from 'fast-xml-parser';

export interface GraphmlKey {
  readonly id: string;
  readonly for: string;
  readonly 'attr.name': string;
  readonly 'attr.type': string;
  readonly 'attr.list'?: string;
}

export interface GraphmlElement {
  readonly id: string;
  readonly source?: string;
  readonly target?: string;
  /** The element's `<data>` values by key id, as text. */
  readonly data: Record<string, string>;
}

interface RawElement {
  id: string;
  source?: string;
  target?: string;
  data?: { key: string; '#text'?: string }[];
}

const REPEATED = new Set(['key', 'graph', 'node', 'edge', 'data']);

/** Reads GraphML the way a consumer would, with a general XML parser (not our writer's inverse). */
export function parseGraphml(xml: string): { keys: GraphmlKey[]; nodes: GraphmlElement[]; edges: GraphmlElement[] } {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    isArray: (name, _path, _isLeaf, isAttribute) => !isAttribute && REPEATED.has(name),
  });
  const document = parser.parse(xml, true) as {
    graphml: { key?: GraphmlKey[]; graph: { node?: RawElement[]; edge?: RawElement[] }[] };
  };
  const element = ({ data, ...rest }: RawElement): GraphmlElement => ({
    ...rest,
    data: Object.fromEntries((data ?? []).map((entry) => [entry.key, entry['#text'] ?? ''])),
  });
  const [graph] = document.graphml.graph;
  return {
    keys: document.graphml.key ?? [],
    nodes: (graph?.node ?? []).map(element),
    edges: (graph?.edge ?? []).map(element),
  };
}
