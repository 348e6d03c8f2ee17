import type { ExportFormat, ExportNode, ExportRelationship } from './export.model';

/** `{ "nodes": [{ id, labels, properties }], "relationships": [{ type, start, end, properties }] }`. */
export function jsonFormat(): ExportFormat {
  let nodes = 0;
  let relationships = 0;
  return {
    contentType: 'application/json; charset=utf-8',
    extension: 'json',
    needs: { nodes: true, relationships: true, columns: false },
    start() {
      return '{"nodes":[';
    },
    node(node: ExportNode) {
      const separator = nodes++ === 0 ? '\n' : ',\n';
      return `${separator}${JSON.stringify({ id: node.id, labels: node.labels, properties: node.properties })}`;
    },
    relationship(relationship: ExportRelationship) {
      // The first relationship closes the nodes array; `end` does when there is none.
      const separator = relationships++ === 0 ? '\n],"relationships":[\n' : ',\n';
      return `${separator}${JSON.stringify(relationship)}`;
    },
    end() {
      return relationships === 0 ? '\n],"relationships":[\n]}\n' : '\n]}\n';
    },
  };
}
