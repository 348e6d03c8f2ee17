/**
 * The floor: the least any API over this graph must do for each benchmark query. A bare
 * node:http server runs one hand-written Cypher statement per request through neo4j-driver (a
 * read transaction, like ties-graph's executor) and writes the answer as JSON, already in the
 * shape the runner compares. No GraphQL, no validation, no mapping layer.
 *
 *   NEO4J_URI=bolt://… NEO4J_PASSWORD=… PORT=… ts-node --transpile-only bench/floor-server.ts
 */
import { createServer, type IncomingMessage } from 'node:http';

import neo4j from 'neo4j-driver';

// Every statement takes its values as parameters; each returns one row with one `data` column.
const STATEMENTS: Record<string, string> = {
  // Q1: a document and everything one tie away.
  '/q1': `
    OPTIONAL MATCH (d:Document {id: $id})
    RETURN CASE WHEN d IS NULL THEN null ELSE d {
      .id, .name, .kind, .status, .count, .signedOn, amount: d.valueAmount,
      forum: head([(d)-[:SIGNED_AT]->(f:Forum) | f {.id, .name}]),
      parties: [(d)-[:BINDS]->(p) | p {.id, .name}],
      sectors: [(d)-[:COVERS]->(s:Sector) | s {.id, .name}],
      signatories: [(o:Official)-[:SIGNED]->(d) | o {.id, .name}]
    } END AS data`,

  // Q2: the latest signatures of documents binding a region, with forum, parties, counterparts.
  // Only the first $first signed documents can hold the first $first signatures.
  '/q2': `
    MATCH (:Region {id: $region})<-[:BINDS]-(d:Document)
    WHERE EXISTS { (d)<-[:SIGNED]-(:Official) }
    WITH d ORDER BY d.signedOn DESC, d.id DESC LIMIT toInteger($first)
    MATCH (o:Official)-[s:SIGNED]->(d)
    WITH d, o, s ORDER BY d.signedOn DESC, d.id DESC, o.id DESC LIMIT toInteger($first)
    RETURN collect({
      document: d {.id, .name, .kind, .signedOn},
      signatory: o {.id, .name},
      onBehalfOf: s.onBehalfOf,
      forum: head([(d)-[:SIGNED_AT]->(f:Forum) | f {.id, .name}]),
      parties: [(d)-[:BINDS]->(p) | p {.id, .name}],
      counterparts: [(c:Official)-[cs:SIGNED]->(d) WHERE c <> o | {id: c.id, onBehalfOf: cs.onBehalfOf}]
    }) AS data`,

  // Q3: a filtered page by date, newest first, with the total. Keyset from ($maxDate, $afterId),
  // walking the date index in order (the hint) and stopping after a page.
  '/q3': `
    CALL () {
      MATCH (d:Document) WHERE d.kind IN $kinds AND d.valueAmount >= $valueMin
      RETURN count(d) AS totalCount
    }
    CALL () {
      MATCH (d:Document) USING INDEX d:Document(signedOn)
      WHERE d.signedOn <= $maxDate AND (d.signedOn < $maxDate OR d.id < $afterId)
        AND d.kind IN $kinds AND d.valueAmount >= $valueMin
      WITH d ORDER BY d.signedOn DESC, d.id DESC LIMIT toInteger($first)
      RETURN collect(d {.id, .name, .kind, .signedOn, amount: d.valueAmount}) AS rows
    }
    RETURN {totalCount: totalCount, rows: rows} AS data`,

  // Q4: documents binding both regions, their count and summed value per sector.
  '/q4': `
    MATCH (:Region {id: $a})<-[:BINDS]-(d:Document)-[:BINDS]->(:Region {id: $b})
    MATCH (d)-[:COVERS]->(s:Sector)
    WITH s, count(d) AS entryCount, sum(d.count) AS documentCount, sum(d.valueAmount) AS amount
    ORDER BY s.id
    RETURN collect({sector: s.id, entryCount: entryCount, documentCount: documentCount, amount: amount}) AS data`,

  // Q5: shortest paths between two officials, never through provenance.
  '/q5': `
    MATCH (a:Official {id: $from}), (b:Official {id: $to})
    MATCH p = allShortestPaths((a)-[:PART_OF|BASED_IN|HOLDS|ATTENDED|SIGNED|SIGNED_AT|BINDS|COVERS|HELD_IN|INVOLVES|IN_SERIES|HELD_ALONGSIDE|BETWEEN|FROM|TO|STATED_BY|REPORTED_AT*..4]-(b))
    WITH p LIMIT toInteger($limit)
    RETURN collect({
      nodeIds: [n IN nodes(p) | n.id],
      steps: [r IN relationships(p) | {type: type(r), fromId: startNode(r).id, toId: endNode(r).id}]
    }) AS data`,

  // Q6: full-text search among officials, best first.
  '/q6': `
    CALL db.index.fulltext.queryNodes('entity_search', $query) YIELD node, score
    WHERE node:Official
    WITH node, score LIMIT toInteger($first)
    RETURN collect({id: node.id, name: node.name, score: score}) AS data`,
};

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

async function readBody(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return chunks.length === 0 ? {} : (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>);
}

function main(): void {
  const driver = neo4j.driver(
    required('NEO4J_URI'),
    neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', required('NEO4J_PASSWORD')),
    { disableLosslessIntegers: true },
  );
  const server = createServer((request, response) => {
    const statement = request.url === undefined ? undefined : STATEMENTS[request.url];
    if (request.method === 'GET' && request.url === '/health') {
      response.writeHead(200).end('ok');
      return;
    }
    if (request.method !== 'POST' || statement === undefined) {
      response.writeHead(404).end();
      return;
    }
    void (async () => {
      const params = await readBody(request);
      const session = driver.session({ database: process.env.NEO4J_DATABASE ?? 'neo4j' });
      try {
        const result = await session.executeRead((tx) => tx.run(statement, params));
        const data: unknown = result.records[0]?.get('data') ?? null;
        const body = JSON.stringify({ data });
        response.writeHead(200, { 'content-type': 'application/json' }).end(body);
      } finally {
        await session.close();
      }
    })().catch((error: unknown) => {
      response
        .writeHead(500, { 'content-type': 'application/json' })
        .end(JSON.stringify({ errors: [{ message: error instanceof Error ? error.message : String(error) }] }));
    });
  });
  server.listen(Number(required('PORT')), '127.0.0.1');
  const stop = (): void => {
    server.close();
    void driver.close();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main();
