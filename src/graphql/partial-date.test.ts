import { DatePrecision, isoRange, parsePartialDate, toPartialDate } from './partial-date';

describe('partial dates', () => {
  it.each([
    ['2023', { date: '2023-01-01', precision: DatePrecision.YEAR }],
    ['2023-03', { date: '2023-03-01', precision: DatePrecision.MONTH }],
    ['2023-03-28', { date: '2023-03-28', precision: DatePrecision.DAY }],
  ])('parses %s', (text, expected) => {
    expect(parsePartialDate(text)).toEqual(expected);
  });

  it.each(['23', '2023-13', '2023-02-30', '2023/03/28', '2023-03-28T00:00', ''])('rejects %s', (text) => {
    expect(parsePartialDate(text)).toBeUndefined();
  });

  it('reports the span a partial date covers', () => {
    expect(toPartialDate('2024-02-01', 'MONTH')).toEqual({
      value: '2024-02',
      precision: DatePrecision.MONTH,
      earliest: '2024-02-01',
      latest: '2024-02-29',
    });
    expect(toPartialDate('2022-01-01', 'YEAR')?.latest).toBe('2022-12-31');
    expect(toPartialDate(null, null)).toBeNull();
  });
});

describe('isoRange', () => {
  it('turns a filter range into the first and last day it can mean, null where not given', () => {
    expect(isoRange('2023', '2023-02')).toEqual({ from: '2023-01-01', to: '2023-02-28' });
    expect(isoRange(undefined, '2024')).toEqual({ from: null, to: '2024-12-31' });
    expect(isoRange(null, null)).toEqual({ from: null, to: null });
  });
});
