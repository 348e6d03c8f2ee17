import { CodeLists } from './code-lists';
import { isDateFormat, readDate } from './date-format';
import { encodeIdPart, parseTemplate, renderTemplate } from './template';
import { conditionHolds, evaluate, readNumber, RowProblem, type RowScope, splitText } from './values';

const codeLists = new CodeLists({
  country: { iso3166: 'numeric', overrides: { '900': { id: 'region:xk', name: 'Kosovo' } }, onUnknown: 'reject' },
  alpha3: { iso3166: 'alpha3', overrides: {}, onUnknown: 'skip' },
  stage: { values: { signed: 'SIGNED', talks: 'UNDER_NEGOTIATION' }, onUnknown: 'reject' },
  lenient: { values: { a: 'A' }, onUnknown: 'skip' },
});

function scope(cells: Record<string, string>, item?: { value: string; column: string }): RowScope {
  return { cells, row: 7, line: 8, empty: new Set(['NA']), item };
}

describe('templates', () => {
  it('fills columns and special names, and keeps {{ }} as braces', () => {
    const cell = (column: string) => ({ a: '1', 'b c': 'x' })[column];
    expect(renderTemplate(parseTemplate('{a}-{b c} {{literal}}'), cell)).toBe('1-x {literal}');
  });

  it('is empty when a placeholder is', () => {
    expect(renderTemplate(parseTemplate('row {missing}'), () => undefined)).toBeUndefined();
  });

  it('refuses unpaired braces', () => {
    expect(() => parseTemplate('{a')).toThrow(/needs a column name and a closing }/);
    expect(() => parseTemplate('a}')).toThrow(/has no opening {/);
  });

  it('encodes id parts one-to-one', () => {
    expect(encodeIdPart('26+1')).toBe('26~2B1');
    expect(encodeIdPart('26_1')).toBe('26_1');
    expect(encodeIdPart('a b~')).toBe('a~20b~7E');
    expect(encodeIdPart('Zürich')).toBe('Zürich');
  });
});

describe('dates and numbers', () => {
  it('reads dates with the precision of their format', () => {
    expect(readDate('2003', 'YYYY')).toBe('2003');
    expect(readDate('14/05/2021', 'DD/MM/YYYY')).toBe('2021-05-14');
    expect(readDate('5.2021', 'M.YYYY')).toBe('2021-05');
    expect(readDate('2023-03', 'iso')).toBe('2023-03');
    expect(readDate('31/02/2021', 'DD/MM/YYYY')).toBeUndefined();
    expect(readDate('2021-05-14', 'DD/MM/YYYY')).toBeUndefined();
  });

  it('reads month names, full or abbreviated, in any case', () => {
    expect(readDate('17 March 2023', 'D MMMM YYYY')).toBe('2023-03-17');
    expect(readDate('march 2023', 'MMMM YYYY')).toBe('2023-03');
    expect(readDate('Mar 2023', 'MMM YYYY')).toBe('2023-03');
    expect(readDate('SEPT 2023', 'MMM YYYY')).toBe('2023-09');
    expect(readDate('1-Dec-99 2023', 'D-MMM-99 YYYY')).toBe('2023-12-01');
    expect(readDate('March 17, 2023', 'MMMM D, YYYY')).toBe('2023-03-17');
    expect(readDate('Mar 2023', 'MMMM YYYY')).toBeUndefined();
    expect(readDate('Marchy 2023', 'MMMM YYYY')).toBeUndefined();
    expect(readDate('31 February 2023', 'D MMMM YYYY')).toBeUndefined();
    expect(isDateFormat('D MMMM YYYY')).toBe(true);
    expect(isDateFormat('MMM MM YYYY')).toBe(false);
    expect(isDateFormat('D YYYY')).toBe(false);
  });

  it('reads numbers with their separators', () => {
    expect(readNumber('1,250.5', { decimal: '.', thousands: ',' })).toBe(1250.5);
    expect(readNumber('1.250,5', { decimal: ',', thousands: '.' })).toBe(1250.5);
    expect(readNumber('-3e2', true)).toBe(-300);
    expect(readNumber('12 apples', true)).toBeUndefined();
  });
});

describe('evaluate', () => {
  it('computes templates, columns with transforms, splits, cases and defaults', () => {
    const row = scope({ amount: '1,5', stage: 'talks', sectors: 'energy; mining;NA', year: 'NA', when: '5/2021' });
    expect(evaluate('{stage}!', row, { codeLists })).toBe('talks!');
    expect(evaluate({ column: 'amount', number: { decimal: ',' }, scale: 1e6 }, row, { codeLists })).toBe(1_500_000);
    expect(evaluate({ column: 'stage', map: 'stage' }, row, { codeLists })).toBe('UNDER_NEGOTIATION');
    expect(evaluate({ column: 'sectors', split: ';' }, row, { codeLists })).toEqual(['energy', 'mining']);
    expect(evaluate({ column: 'year', date: 'YYYY', default: '1900' }, row, { codeLists })).toBe('1900');
    expect(evaluate({ column: 'when', date: 'M/YYYY' }, row, { codeLists })).toBe('2021-05');
    expect(evaluate({ column: 'sectors', slug: true, split: ';' }, row, { codeLists })).toEqual(['energy', 'mining']);
    const status = {
      cases: [{ when: { column: 'year', present: true }, then: 'IN_FORCE' }, { then: { value: 'SIGNED' } }],
    };
    expect(evaluate(status, row, { codeLists })).toBe('SIGNED');
  });

  it('splits on one separator, any of several, or a pattern', () => {
    expect(splitText('a;b', ';')).toEqual(['a', 'b']);
    expect(splitText('energy, mining and tourism', [', ', ' and '])).toEqual(['energy', 'mining', 'tourism']);
    expect(splitText('x, and y', [', ', ', and '])).toEqual(['x', 'y']);
    expect(splitText('a , b;c and d', { pattern: '\\s*(,|;|\\band\\b)\\s*' })).toEqual(['a', 'b', 'c', 'd']);
    const row = scope({ sectors: 'Energy, Mining and Tourism' });
    expect(evaluate({ column: 'sectors', split: [', ', ' and '], slug: true }, row, { codeLists })).toEqual([
      'energy',
      'mining',
      'tourism',
    ]);
  });

  it('rejects a value it cannot read, naming the column', () => {
    const row = scope({ amount: 'lots', stage: 'won' });
    expect(() => evaluate({ column: 'amount', number: true }, row, { codeLists })).toThrow(
      new RowProblem('"lots" is not a number', 'amount'),
    );
    expect(() => evaluate({ column: 'stage', map: 'stage' }, row, { codeLists })).toThrow(/"won" is not in code list/);
    expect(evaluate({ column: 'stage', map: 'lenient', default: 'Z' }, row, { codeLists })).toBe('Z');
  });

  it('tests conditions, with templates on the right', () => {
    const row = scope({ number: '3', base: '3', kind: 'x' });
    expect(conditionHolds({ column: 'base', notEquals: '{number}' }, row)).toBe(false);
    expect(conditionHolds({ column: 'base', equals: '{number}' }, row)).toBe(true);
    expect(
      conditionHolds(
        [
          { column: 'kind', in: ['x', 'y'] },
          { column: 'kind', matches: '^x$' },
        ],
        row,
      ),
    ).toBe(true);
    expect(conditionHolds({ column: 'missing', present: false }, row)).toBe(true);
    expect(conditionHolds({ column: '$value', equals: '4' }, scope({}, { value: '4', column: 'c1' }))).toBe(true);
  });
});

describe('code lists', () => {
  it('resolves ISO 3166 numeric codes to the seed graph’s country ids', () => {
    expect(codeLists.lookup('country', '398')).toEqual({
      found: true,
      value: { id: 'region:kz', name: 'Kazakhstan', kind: 'COUNTRY', iso2: 'KZ', iso3: 'KAZ', isoNumeric: '398' },
    });
    expect(codeLists.lookup('country', '4')).toMatchObject({ found: true, value: { id: 'region:af' } });
    expect(codeLists.lookup('alpha3', 'chn')).toMatchObject({ found: true, value: { id: 'region:cn' } });
  });

  it('uses overrides for codes outside ISO 3166-1 and reports the rest as unknown', () => {
    expect(codeLists.lookup('country', '900')).toEqual({
      found: true,
      value: { id: 'region:xk', name: 'Kosovo', kind: 'COUNTRY' },
    });
    expect(codeLists.lookup('country', '530')).toEqual({ found: false, onUnknown: 'reject' });
    expect(codeLists.lookup('alpha3', 'XXX')).toEqual({ found: false, onUnknown: 'skip' });
  });
});
