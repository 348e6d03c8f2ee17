import { join } from 'node:path';

import type { GraphQLSchema } from 'graphql';

import { BadUserInputError } from '../../errors';
import { createSchema } from '../../schema/schema';
import { loadMapping, parseMapping } from './mapping';
import { parseColumnRange } from './mapping.schema';
import { checkColumns, checkFields } from './mapping-check';

const MINIMAL = `format: 1
source:
  name: Example register
csv:
  path: rows.csv
entities:
  - ref: company
    type: Organization
    fields:
      name: '{company}'
      kind: COMPANY
`;

function problemsOf(work: () => unknown): string[] {
  try {
    work();
  } catch (error) {
    if (error instanceof BadUserInputError) return error.problems.map((p) => `${p.field}: ${p.message}`);
    throw error;
  }
  throw new Error('expected the mapping to be refused');
}

describe('parseMapping', () => {
  it('fills the defaults and resolves the CSV against the mapping folder', () => {
    const mapping = parseMapping(MINIMAL, 'm.yaml', '/data');
    expect(mapping.csvPath).toBe('/data/rows.csv');
    expect(mapping.csv).toEqual({ path: 'rows.csv', delimiter: ',', quote: '"', encoding: 'utf8', empty: [''] });
    expect(mapping.locator).toBe('row {$row}');
    expect(mapping.batch.facts).toBe(400);
    expect(mapping.ties).toEqual([]);
  });

  it('reads JSON too', () => {
    const json = JSON.stringify({
      format: 1,
      source: { name: 'S' },
      entities: [{ ref: 'a', type: 'Sector', fields: { name: '{x}' } }],
    });
    expect(parseMapping(json, 'm.json').entities[0]?.type).toBe('Sector');
  });

  it('names the file, line and key of each problem', () => {
    const text = MINIMAL.replace('      kind: COMPANY\n', '      kind: COMPANY\n    colour: blue\n');
    expect(problemsOf(() => parseMapping(text, 'dir/m.yaml'))).toEqual([
      expect.stringMatching(/^m\.yaml:7 entities\[0\]: Unrecognized key: "colour"/),
    ]);
  });

  it('refuses transforms beside cases or value, which would not be applied', () => {
    const text = MINIMAL.replace(
      '      kind: COMPANY\n',
      `      kind: COMPANY
      description:
        cases:
          - when: { column: signed, present: true }
            then: { column: signed }
        date: DD/MM/YYYY
      aliases: { value: X, split: ';', default: Y }
`,
    );
    expect(problemsOf(() => parseMapping(text, 'm.yaml'))).toEqual([
      'm.yaml:16 entities[0].fields.description.date: date beside cases would not be applied: write it in the then of each case that needs it',
      'm.yaml:17 entities[0].fields.aliases.split: split beside value would not be applied: a value is used as it is',
      'm.yaml:17 entities[0].fields.aliases.default: default beside value would not be applied: a value is used as it is',
    ]);
    // Transforms inside a case's then, and a default beside cases, are applied: accepted.
    const fine = MINIMAL.replace(
      '      kind: COMPANY\n',
      `      kind: COMPANY
      description:
        cases:
          - when: { column: signed, present: true }
            then: { column: signed, date: DD/MM/YYYY }
        default: undated
`,
    );
    expect(() => parseMapping(fine, 'm.yaml')).not.toThrow();
  });

  it('takes a split as a separator, a list of them or a pattern, and refuses a pattern matching nothing', () => {
    const withSplit = (split: string) =>
      MINIMAL.replace(
        '      kind: COMPANY\n',
        `      kind: COMPANY\n      aliases: { column: names, split: ${split} }\n`,
      );
    expect(() => parseMapping(withSplit("[', ', ' and ']"), 'm.yaml')).not.toThrow();
    expect(() => parseMapping(withSplit("{ pattern: '\\s*,\\s*' }"), 'm.yaml')).not.toThrow();
    expect(problemsOf(() => parseMapping(withSplit("{ pattern: ',*' }"), 'm.yaml'))).toEqual([
      expect.stringContaining('pattern must be a valid regular expression that does not match the empty text'),
    ]);
  });

  it('reports YAML syntax errors with their line', () => {
    expect(problemsOf(() => parseMapping('format: 1\nsource: [\n', 'm.yaml'))[0]).toMatch(/^m\.yaml:\d+: /);
  });

  it('checks refs, code lists, templates, date formats and ties against the tie catalog', () => {
    const text = `format: 1
source: { name: S }
codeLists:
  country: { iso3166: alpha3 }
entities:
  - ref: deal
    type: Document
    fields:
      kind: AGREEMENT
      title: '{name'
      signedOn: { column: signed, date: 'MM/DD' }
      status: { column: state, map: country }
  - ref: place
    type: Region
    lookup: country
  - ref: person
    type: Official
    fields: { name: '{signer}' }
ties:
  - { type: BINDS, from: deal, to: nobody }
  - { type: BINDS, from: person, to: place }
  - { type: BINDS, from: deal, to: place, title: chair }
  - { type: HOLDS, from: person, to: { id: 'org:{ministry}' } }
`;
    expect(problemsOf(() => parseMapping(text, 'm.yaml'))).toEqual([
      expect.stringMatching(/^m\.yaml:10 entities\[0\]\.fields\.title: "\{name": a \{ at position 1 needs/),
      expect.stringMatching(/^m\.yaml:11 entities\[0\]\.fields\.signedOn\.date: "MM\/DD" is not a date format/),
      'm.yaml:12 entities[0].fields.status.map: "country" is an iso3166 list; map needs a list of values',
      expect.stringMatching(/^m\.yaml:15 entities\[1\]\.lookup: say which value to look up/),
      'm.yaml:20 ties[0].to: no entity with ref "nobody" (refs: deal, place, person)',
      'm.yaml:21 ties[1].from: a BINDS tie cannot start at a Official (allowed: Document)',
      'm.yaml:22 ties[2].title: a BINDS tie takes no title',
      'm.yaml:23 ties[3].title: a HOLDS tie needs a title',
    ]);
  });

  it('expands column ranges', () => {
    expect(parseColumnRange('c1..c3')).toEqual(['c1', 'c2', 'c3']);
    expect(parseColumnRange('member_8..member_9')).toEqual(['member_8', 'member_9']);
    expect(parseColumnRange('c3..c1')).toBeUndefined();
    expect(parseColumnRange('c1..d3')).toBeUndefined();
  });
});

describe('mapping checks against the CSV and the API', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await createSchema();
  });

  it('accepts the DESTA mapping', () => {
    const mapping = loadMapping(join(__dirname, '..', '..', '..', 'data', 'desta', 'desta.mapping.yaml'));
    expect(() => checkFields(mapping, schema)).not.toThrow();
    const header = ['number', 'base_treaty', 'name', 'entry_type', 'year', 'entryforceyear', 'typememb', 'regioncon'];
    const columns = [...header, 'wto_name', ...Array.from({ length: 91 }, (_, index) => `c${index + 1}`)];
    expect(() => checkColumns(mapping, columns, 'DESTA.csv')).not.toThrow();
  });

  it('refuses a column the CSV lacks, naming the mapping line', () => {
    const mapping = parseMapping(MINIMAL, 'm.yaml');
    expect(problemsOf(() => checkColumns(mapping, ['Company'], 'rows.csv'))).toEqual([
      'm.yaml:10 entities[0].fields.name: column "company" is not in rows.csv (its columns: Company)',
    ]);
  });

  it('refuses fields and enum values the API input does not have', () => {
    const text = MINIMAL.replace('kind: COMPANY', 'kind: FIRM\n      headcount: "{staff}"');
    expect(problemsOf(() => checkFields(parseMapping(text, 'm.yaml'), schema))).toEqual([
      expect.stringMatching(/^m\.yaml:11 entities\[0\]\.fields\.kind: "FIRM" is not a OrganizationKind \(one of: /),
      expect.stringMatching(/^m\.yaml:12 entities\[0\]\.fields\.headcount: OrganizationInput has no field "headcount"/),
    ]);
  });
});
