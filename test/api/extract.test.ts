import { extractReport } from '../../src/modules/extract/extract.service';
import { MAX_EXTRACT_TEXT } from '../../src/modules/extract/extract.input';
import { reportFormatProblems } from '../../src/modules/extract/report-format';
import { Harness, READER } from '../support/harness';

const EXTRACT = /* GraphQL */ `
  query Extract($text: String!, $source: SourceInput) {
    extractReport(text: $text, source: $source) {
      source {
        name
        publishedOn
      }
      entities {
        ref
        locator
        quote
        confidence
        type
        region {
          id
          name
          kind
          iso2
        }
        official {
          id
          name
        }
        organization {
          id
          name
          kind
        }
        document {
          kind
          count
          value {
            amount
            currency
            qualifier
          }
        }
        figure {
          metric
          value
          unit
        }
        candidates {
          id
          name
          score
        }
      }
      ties {
        type
        from
        to
        title
        locator
        quote
        confidence
      }
    }
  }
`;

// Written for this test: it names entities the seed graph holds (Kazakhstan, Xinjiang, Serik Zhumangarin).
const TEXT = `Kazakhstan and Xinjiang sign nine agreements

Deputy Prime Minister of Kazakhstan Serik Zhumangarin visited Urumqi on Monday, where nine agreements worth $120m were signed with partners from the Xinjiang Uygur Autonomous Region of China.
`;

interface Draft {
  extractReport: {
    source: { name: string; publishedOn: string | null };
    entities: {
      ref: string;
      quote: string;
      type: string;
      region: { id: string | null; name: string; iso2: string | null } | null;
      official: { id: string | null; name: string } | null;
      document: { count: number | null; value: { amount: number } | null } | null;
      candidates: { id: string; name: string; score: number }[];
    }[];
    ties: { type: string; from: string; to: string; title: string | null; quote: string }[];
  };
}

describe('extractReport', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await Harness.openSeeded();
  });

  afterAll(async () => {
    await harness.close();
  });

  it('drafts a report whose entities point at the graph entities they may be, and writes nothing', async () => {
    const before = await harness.fingerprint();
    const { data, errors } = await harness.run<Draft>(
      EXTRACT,
      { text: TEXT, source: { name: 'A test text', publishedOn: '2024-06' } },
      READER,
    );
    expect(errors).toBeUndefined();
    const draft = data?.extractReport;
    expect(draft?.source).toEqual({ name: 'A test text', publishedOn: '2024-06' });

    const kazakhstan = draft?.entities.find((e) => e.region?.iso2 === 'KZ');
    expect(kazakhstan?.type).toBe('REGION');
    expect(kazakhstan?.region?.id).toBe('region:kz');
    expect(kazakhstan?.candidates[0]).toEqual({ id: 'region:kz', name: 'Kazakhstan', score: 1 });

    const zhumangarin = draft?.entities.find((e) => e.official?.name === 'Serik Zhumangarin');
    expect(zhumangarin?.official?.id).toBe('official:serik-zhumangarin');
    expect(zhumangarin?.candidates.map((c) => c.id)).toContain('official:serik-zhumangarin');

    const xinjiang = draft?.entities.find((e) => e.region?.name === 'Xinjiang Uygur Autonomous Region');
    expect(xinjiang?.candidates[0]?.id).toBe('region:cn-xj');

    expect(draft?.entities.find((e) => e.document?.count === 9)?.document?.value?.amount).toBe(120e6);
    expect(draft?.ties).toContainEqual(
      expect.objectContaining({ type: 'HOLDS', from: zhumangarin?.ref, title: 'Deputy Prime Minister' }),
    );
    for (const statement of [...(draft?.entities ?? []), ...(draft?.ties ?? [])])
      expect(TEXT).toContain(statement.quote);

    expect(await harness.fingerprint()).toEqual(before);
  });

  it('drafts in the ingestReport format, offline and against the graph alike', async () => {
    expect(reportFormatProblems(harness.schema, extractReport(TEXT, { source: { name: 'A test text' } }))).toEqual([]);
    const online = await harness.context(READER).services.extract.extract(TEXT, { name: 'A test text' });
    expect(reportFormatProblems(harness.schema, online)).toEqual([]);
  });

  it('refuses an empty text and a text over the limit with BAD_USER_INPUT', async () => {
    const empty = await harness.run(EXTRACT, { text: '  \n ' }, READER);
    expect(empty.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(empty.errors?.[0]?.message).toMatch(/text: must not be empty/);
    const long = await harness.run(EXTRACT, { text: 'a'.repeat(MAX_EXTRACT_TEXT + 1) }, READER);
    expect(long.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(long.errors?.[0]?.message).toMatch(/text/);
  });

  it('answers over HTTP as any query does', async () => {
    const server = await harness.serve();
    try {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: EXTRACT, variables: { text: TEXT } }),
      });
      const body = (await response.json()) as { data?: Draft; errors?: unknown[] };
      expect(response.status).toBe(200);
      expect(body.errors).toBeUndefined();
      expect(body.data?.extractReport.source.name).toBe('Kazakhstan and Xinjiang sign nine agreements');
    } finally {
      await server.close();
    }
  });
});
