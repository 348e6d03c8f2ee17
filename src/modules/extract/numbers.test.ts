import { ValueQualifier } from '../entity/entity.enums';
import {
  findFactors,
  findMeasures,
  findMoney,
  findPercents,
  numberAppears,
  parseNumber,
  parseOrdinal,
} from './numbers';

describe('numbers in news texts', () => {
  it.each([
    ['deals worth $565m were signed', 565e6, 'USD', ValueQualifier.EXACT],
    ['a package of US $3.5 billion', 3.5e9, 'USD', ValueQualifier.EXACT],
    ['a loan of RMB 3 bn', 3e9, 'CNY', ValueQualifier.EXACT],
    ['grants of €50m', 50e6, 'EUR', ValueQualifier.EXACT],
    ['documents worth 629.1 million US dollars', 629.1e6, 'USD', ValueQualifier.EXACT],
    ['a $ 1.25 billion agreement', 1.25e9, 'USD', ValueQualifier.EXACT],
    ['exports worth over $1 billion', 1e9, 'USD', ValueQualifier.AT_LEAST],
    ['turnover of up to 100 billion US dollars', 100e9, 'USD', ValueQualifier.AT_MOST],
    ['some 40 billion tenge', 40e9, 'KZT', ValueQualifier.APPROXIMATE],
    ['$629mln worth of agreements', 629e6, 'USD', ValueQualifier.EXACT],
  ])('reads "%s"', (text, amount, currency, qualifier) => {
    const [money] = findMoney(text);
    expect(money).toMatchObject({ amount, currency, qualifier });
    expect(text.slice(money?.start, money?.end)).toBe(money?.text);
  });

  it('does not read a bare number or a percentage as money', () => {
    expect(findMoney('17 regions and 33.5% growth in 2022')).toEqual([]);
  });

  it('reads numbers written as words and ordinals', () => {
    expect(parseNumber('thirty')).toBe(30);
    expect(parseNumber('twenty-five')).toBe(25);
    expect(parseNumber('one hundred and ten')).toBe(110);
    expect(parseNumber('1,800')).toBe(1800);
    expect(parseOrdinal('3rd')).toBe(3);
    expect(parseOrdinal('Second')).toBe(2);
  });

  it('reads measures, changes and factors', () => {
    expect(findMeasures('the almost 1,800km-long border')[0]).toMatchObject({
      value: 1800,
      unit: 'km',
      qualifier: ValueQualifier.AT_MOST,
    });
    expect(findMeasures('an area of 260 sq.m.')[0]).toMatchObject({ value: 260, unit: 'm2' });
    expect(findMeasures('11442 square meters of storage')[0]).toMatchObject({ value: 11442, unit: 'm2' });
    expect(findPercents('imports increased by 33.5% and exports fell by 4 percent').map((p) => p.value)).toEqual([
      33.5, -4,
    ]);
    expect(findFactors('exports tripled, imports doubled').map((f) => f.value)).toEqual([3, 2]);
  });

  it('finds a number in a text as digits or words, scaled or not', () => {
    expect(numberAppears(565e6, 'worth $565m')).toBe(true);
    expect(numberAppears(1800, 'the 1,800km border')).toBe(true);
    expect(numberAppears(30, 'Thirty agreements')).toBe(true);
    expect(numberAppears(3, 'exports tripled')).toBe(true);
    expect(numberAppears(42, 'over 420 companies')).toBe(false);
    expect(numberAppears(7, '17 regions')).toBe(false);
  });
});
