import { CodeLists } from './code-lists';
import { parseMapping } from './mapping';
import { planRow } from './row-plan';
import { RowProblem, type RowScope } from './values';

const mapping = parseMapping(
  `format: 1
source: { name: Treaties }
csv: { empty: [NA] }
locator: 'row {number}'
codeLists:
  country: { iso3166: numeric }
entities:
  - ref: treaty
    type: Document
    fields:
      id: 'doc:t-{number}'
      kind: TRADE_AGREEMENT
      title: '{name}'
      value.amount: { column: worth, number: true }
      value.currency: USD
  - ref: member
    type: Region
    each: { columns: c1..c3 }
    lookup: country
  - ref: sector
    type: Sector
    each: { column: sectors, split: ';' }
    fields: { name: '{$value}' }
ties:
  - { type: BINDS, from: treaty, to: member }
  - { type: COVERS, from: treaty, to: sector }
  - type: PART_OF
    from: treaty
    to: { id: 'doc:t-{base}' }
`,
  'm.yaml',
);
const codeLists = new CodeLists(mapping.codeLists);

function row(cells: Record<string, string>): RowScope {
  return { cells, row: 4, line: 5, empty: new Set(mapping.csv.empty) };
}

describe('planRow', () => {
  it('turns a row into entities, ties between them, and ties by id for later', () => {
    const plan = planRow(
      mapping,
      codeLists,
      row({
        number: '9+1',
        name: 'Pact',
        worth: '12.5',
        c1: '398',
        c2: '156',
        c3: '398',
        sectors: 'Energy; Mining',
        base: '9',
      }),
    );
    expect(plan.locator).toBe('row 9+1');
    expect(plan.entities.map((entity) => [entity.ref, entity.fields.id ?? entity.fields.name])).toEqual([
      ['r4.treaty', 'doc:t-9~2B1'],
      ['r4.member.1', 'region:kz'],
      ['r4.member.2', 'region:cn'],
      ['r4.sector.1', 'Energy'],
      ['r4.sector.2', 'Mining'],
    ]);
    expect(plan.entities[0]?.fields.value).toEqual({ amount: 12.5, currency: 'USD' });
    expect(plan.entities[1]?.listName).toBe('Kazakhstan');
    expect(plan.ties.map((tie) => `${tie.type} ${'ref' in tie.to ? tie.to.ref : tie.to.id}`)).toEqual([
      'BINDS r4.member.1',
      'BINDS r4.member.2',
      'COVERS r4.sector.1',
      'COVERS r4.sector.2',
    ]);
    expect(plan.deferred.map((tie) => ('id' in tie.to ? tie.to.id : ''))).toEqual(['doc:t-9']);
  });

  it('leaves out empty cells, and a tie from an entity to itself', () => {
    const plan = planRow(mapping, codeLists, row({ number: '9', name: 'Pact', c1: 'NA', sectors: '', base: '9' }));
    expect(plan.entities.map((entity) => entity.ref)).toEqual(['r4.treaty']);
    expect(plan.entities[0]?.fields).toEqual({
      id: 'doc:t-9',
      kind: 'TRADE_AGREEMENT',
      title: 'Pact',
      value: { currency: 'USD' },
    });
    expect(plan.ties).toEqual([]);
    expect(plan.deferred).toEqual([]);
  });

  it('rejects a row with a code its list does not know, naming the column', () => {
    let problem: unknown;
    try {
      planRow(mapping, codeLists, row({ number: '1', name: 'P', c2: '999', base: '1' }));
    } catch (error) {
      problem = error;
    }
    expect(problem).toBeInstanceOf(RowProblem);
    expect((problem as RowProblem).column).toBe('c2');
    expect((problem as RowProblem).message).toMatch(/^"999" is not in ISO 3166-1 numeric/);
  });
});

describe('the countryName list', () => {
  const byName = parseMapping(
    `format: 1
source: { name: Deals }
entities:
  - ref: host
    type: Region
    lookup: { list: countryName, key: { column: Host } }
  - ref: partners
    type: Region
    each: { column: Partners, split: ';' }
    lookup: countryName
`,
    'names.yaml',
  );
  const lists = new CodeLists(byName.codeLists);
  const plan = (cells: Record<string, string>) =>
    planRow(byName, lists, { cells, row: 1, line: 2, empty: new Set(['']) });
  const problemOf = (cells: Record<string, string>): RowProblem => {
    try {
      plan(cells);
    } catch (error) {
      if (error instanceof RowProblem) return error;
      throw error;
    }
    throw new Error('no problem');
  };

  it('needs no table: names as datasets write them become the ISO regions', () => {
    const planned = plan({ Host: 'Britain', Partners: 'UAE; Russian Federation; Ivory Coast; Laos; the US; Xinjiang' });
    expect(planned.entities.map((entity) => entity.fields.id)).toEqual([
      'region:gb',
      'region:ae',
      'region:ru',
      'region:ci',
      'region:la',
      'region:us',
      'region:cn-xj',
    ]);
    expect(planned.entities[0]?.fields).toMatchObject({ kind: 'COUNTRY', iso2: 'GB', iso3: 'GBR', isoNumeric: '826' });
    expect(planned.entities[6]?.fields).toMatchObject({
      kind: 'SUBNATIONAL',
      isoSubdivision: 'CN-XJ',
      name: 'Xinjiang',
    });
  });

  it('rejects the row of an unknown or ambiguous name, naming the value and the column', () => {
    const unknown = problemOf({ Host: 'Atlantis', Partners: '' });
    expect(unknown.column).toBe('Host');
    expect(unknown.message).toMatch(
      /^"Atlantis" is not a country or subdivision name \(country names of i18n-iso-countries/,
    );
    const ambiguous = problemOf({ Host: 'Kazakhstan', Partners: 'China; Congo' });
    expect(ambiguous.column).toBe('Partners');
    expect(ambiguous.message).toMatch(/^"Congo" names more than one country \(CD, CG\): write which/);
  });
});
