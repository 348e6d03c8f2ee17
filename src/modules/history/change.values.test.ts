import neo4j, { isDateTime, isInt } from 'neo4j-driver';

import { diffProps } from './change.model';
import { sameValue, toParameter, toParameters } from './change.values';

describe('typed values of the change log', () => {
  it('writes back integers as integers and whole floats as floats', () => {
    const count = toParameter({ t: 'INTEGER', v: 5 });
    expect(isInt(count)).toBe(true);
    expect(neo4j.integer.toNumber(count as never)).toBe(5);
    expect(toParameter({ t: 'FLOAT', v: 565000000 })).toBe(565000000);
    const list = toParameter({ t: 'LIST<INTEGER>', v: [1, 2] }) as unknown[];
    expect(list.every((item) => isInt(item))).toBe(true);
    expect(toParameter({ t: 'LIST<STRING>', v: ['a'] })).toEqual(['a']);
  });

  it('writes back datetimes to the nanosecond, with their offset or zone', () => {
    const utc = toParameter({ t: 'ZONED DATETIME', v: '2026-12-02T06:36:37.889123456Z' });
    expect(isDateTime(utc)).toBe(true);
    expect(String(utc)).toBe('2026-12-02T06:36:37.889123456Z');
    expect(String(toParameter({ t: 'ZONED DATETIME', v: '2023-03-28T10:00:00+06:00' }))).toBe(
      '2023-03-28T10:00:00+06:00',
    );
    expect(String(toParameter({ t: 'ZONED DATETIME', v: '2023-03-28T10:00:00+06:00[Asia/Almaty]' }))).toContain(
      'Asia/Almaty',
    );
  });

  it('refuses a type it could not write back as it was', () => {
    expect(() => toParameter({ t: 'POINT', v: {} })).toThrow('POINT');
    expect(toParameters({ name: { t: 'STRING', v: 'x' } })).toEqual({ name: 'x' });
  });

  it('tells values apart by type as well as value', () => {
    expect(sameValue({ t: 'INTEGER', v: 1 }, { t: 'FLOAT', v: 1 })).toBe(false);
    expect(sameValue({ t: 'LIST<STRING>', v: ['a'] }, { t: 'LIST<STRING>', v: ['a'] })).toBe(true);
    expect(sameValue(undefined, undefined)).toBe(true);
  });
});

describe('diffs', () => {
  const s = (v: string) => ({ t: 'STRING', v });
  it('keeps whole states for a creation or deletion, and only what changed otherwise', () => {
    expect(diffProps(null, { a: s('1') })).toEqual({ before: null, after: { a: s('1') } });
    expect(diffProps({ a: s('1') }, null)).toEqual({ before: { a: s('1') }, after: null });
    expect(diffProps({ a: s('1'), b: s('2') }, { a: s('1'), b: s('3'), c: s('4') })).toEqual({
      before: { b: s('2'), c: null },
      after: { b: s('3'), c: s('4') },
    });
    expect(diffProps({ a: s('1') }, { a: s('1') })).toBeNull();
    expect(diffProps(null, null)).toBeNull();
  });
});
