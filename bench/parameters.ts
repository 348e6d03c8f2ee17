import type { Driver } from 'neo4j-driver';

import { toLuceneQuery } from '../src/modules/search/search.service';
import { DATABASE } from './database';
import { documentId, sizesFor } from './dataset';
import { PATH_LIMIT, SEARCH_LIMIT } from './queries';

/** The parameter sets of the benchmark queries, chosen from the loaded graph, the same every run. */
export interface Parameters {
  readonly documents: string[];
  /** With how many documents bind each: the skew a query meets. */
  readonly regions: { id: string; documents: number }[];
  readonly regionPairs: { a: string; b: string; documents: number }[];
  readonly officialPairs: { from: string; to: string; paths: number; length: number }[];
  readonly searches: { text: string; lucene: string; hits: number }[];
}

async function rows(
  driver: Driver,
  cypher: string,
  params: Record<string, unknown> = {},
): Promise<Record<string, unknown>[]> {
  const session = driver.session({ database: DATABASE, defaultAccessMode: 'READ' });
  try {
    const result = await session.run(cypher, params);
    return result.records.map((record) => record.toObject());
  } finally {
    await session.close();
  }
}

/** Ranks spread from the busiest down: skewed data makes the busiest and the typical differ. */
const REGION_RANKS = [0, 3, 15];
const PAIR_RANKS: readonly (readonly [number, number])[] = [
  [0, 1],
  [2, 7],
  [5, 20],
];

export async function chooseParameters(
  driver: Driver,
  scale: number,
  counts = { documents: 50, pairs: 3, searches: 5 },
): Promise<Parameters> {
  const sizes = sizesFor(scale);
  const documents = Array.from({ length: counts.documents }, (_, k) =>
    documentId(Math.floor(((k + 0.5) * sizes.documents) / counts.documents)),
  );

  const ranked = (
    await rows(
      driver,
      `MATCH (r:Region) RETURN r.id AS id, COUNT { (r)<-[:BINDS]-(:Document) } AS documents ORDER BY documents DESC, id`,
    )
  ).map((row) => ({ id: row.id as string, documents: row.documents as number }));
  const at = (rank: number) => ranked[Math.min(rank, ranked.length - 1)] as { id: string; documents: number };
  const regions = REGION_RANKS.map(at);

  const regionPairs: Parameters['regionPairs'] = [];
  for (const [first, second] of PAIR_RANKS) {
    const a = at(first).id;
    const b = at(second).id;
    const [row] = await rows(
      driver,
      `MATCH (:Region {id: $a})<-[:BINDS]-(d:Document)-[:BINDS]->(:Region {id: $b}) RETURN count(d) AS documents`,
      { a, b },
    );
    regionPairs.push({ a, b, documents: (row?.documents as number | undefined) ?? 0 });
  }

  // Pairs of busy signatories from different regions, with a few shortest paths (the whole set
  // of them must fit under the limit for the three answers to be comparable).
  const signers = (
    await rows(
      driver,
      `MATCH (o:Official) WITH o, COUNT { (o)-[:SIGNED]->() } AS signed ORDER BY signed DESC, o.id LIMIT 300
       RETURN o.id AS id`,
    )
  ).map((row) => row.id as string);
  const officialPairs: Parameters['officialPairs'] = [];
  for (let step = 0; officialPairs.length < counts.pairs && step < 400; step += 1) {
    const from = signers[(step * 7) % signers.length];
    const to = signers[(step * 13 + 101) % signers.length];
    if (!from || !to || from === to) continue;
    const [row] = await rows(
      driver,
      `MATCH (a:Official {id: $from}), (b:Official {id: $to})
       MATCH p = allShortestPaths((a)-[:PART_OF|BASED_IN|HOLDS|ATTENDED|SIGNED|SIGNED_AT|BINDS|COVERS|HELD_IN|INVOLVES|IN_SERIES|HELD_ALONGSIDE|BETWEEN|FROM|TO|STATED_BY|REPORTED_AT*..4]-(b))
       WITH p LIMIT toInteger($limit)
       RETURN count(p) AS paths, min(length(p)) AS length`,
      { from, to, limit: PATH_LIMIT + 1 },
    );
    const paths = (row?.paths as number | undefined) ?? 0;
    const length = (row?.length as number | null | undefined) ?? 0;
    if (paths >= 2 && paths <= PATH_LIMIT && length >= 3) officialPairs.push({ from, to, paths, length });
  }

  // A first name and the start of a surname: every word must match, the last as a prefix.
  const names = (await rows(driver, `MATCH (o:Official) RETURN o.name AS name ORDER BY o.id SKIP 17 LIMIT 200`)).map(
    (row) => row.name as string,
  );
  const searches: Parameters['searches'] = [];
  for (let index = 0; searches.length < counts.searches && index < names.length; index += 9) {
    const [first, surname] = (names[index] ?? '').split(' ');
    if (!first || !surname) continue;
    const text = `${first} ${surname.slice(0, 4)}`;
    const lucene = toLuceneQuery(text);
    if (!lucene) continue;
    const [row] = await rows(
      driver,
      `CALL db.index.fulltext.queryNodes('entity_search', $query) YIELD node WHERE node:Official RETURN count(node) AS hits`,
      { query: lucene },
    );
    const hits = (row?.hits as number | undefined) ?? 0;
    if (hits >= 1 && hits < SEARCH_LIMIT) searches.push({ text, lucene, hits });
  }
  return { documents, regions, regionPairs, officialPairs, searches };
}
