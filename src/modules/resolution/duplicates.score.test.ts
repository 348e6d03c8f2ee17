import {
  blockingKeys,
  compareNames,
  NameMeasure,
  nameReasons,
  type Profile,
  scoreOf,
  surroundingReasons,
  WEIGHTS,
  worthALook,
} from './duplicates.score';

function profile(id: string, name: string, more: Partial<Profile> = {}): Profile {
  return { id, name, aliases: [], kind: null, codes: {}, year: null, ...more };
}

describe('compareNames', () => {
  it.each([
    ['Ma Xíngrui', 'MA XINGRUI', NameMeasure.SAME_NAME, 1],
    ['Zhumangarin Serik', 'Serik Zhumangarin', NameMeasure.WORD_ORDER, 0.95],
    ['BaoSteel Group', 'Baosteel', NameMeasure.WITHOUT_LEGAL_FORM, 0.93],
    ['Steppe Logistics LLC', 'Steppe Logistics', NameMeasure.WITHOUT_LEGAL_FORM, 0.93],
    ['S. Zhumangarin', 'Serik Zhumangarin', NameMeasure.INITIALS, 0.9],
    ['Zhumangarin S.', 'Serik Zhumangarin', NameMeasure.INITIALS, 0.9],
    ['UAE', 'United Arab Emirates', NameMeasure.ACRONYM, 0.88],
    ['XUAR', 'Xinjiang Uygur Autonomous Region', NameMeasure.ACRONYM, 0.88],
  ])('%s ~ %s by %s', (left, right, measure, similarity) => {
    expect(compareNames(left, right)).toEqual({ measure, similarity });
    expect(compareNames(right, left)).toEqual({ measure, similarity });
  });

  it('uses Jaro-Winkler for a misspelt word and names it', () => {
    const compared = compareNames('Serik Zhumangarin', 'Serik Zhumangrin');
    expect(compared.measure).toBe(NameMeasure.JARO_WINKLER);
    expect(compared.similarity).toBeGreaterThan(0.95);
    expect(compared.similarity).toBeLessThan(1);
  });

  it('does not take short or numbered words for misspellings, nor initials alone for a name', () => {
    expect(compareNames('Li Wei', 'Li Wen')).toEqual({ measure: NameMeasure.TOKEN_OVERLAP, similarity: 0.5 });
    expect(compareNames('Astana Forum 2023', 'Astana Forum 2024').similarity).toBeLessThan(0.7);
    expect(compareNames('S. Z.', 'Serik Zhumangarin').similarity).toBeLessThan(0.6);
    expect(compareNames('Serik Akhmetov', 'Serik Zhumangarin').similarity).toBe(0.5);
  });

  it('gives the share of words that pair up where the names differ by a word', () => {
    expect(compareNames('Caspian Grid', 'Caspian Logistics')).toEqual({
      measure: NameMeasure.TOKEN_OVERLAP,
      similarity: 0.5,
    });
    expect(compareNames('Serik Kairatovich Zhumangarin', 'Serik Zhumangarin').similarity).toBe(0.667);
  });
});

describe('reasons and score', () => {
  it('adds shared names and equal codes, and counts equal codes once', () => {
    const left = profile('region:gb', 'United Kingdom', { aliases: ['Britain'], codes: { iso2: 'GB', iso3: 'GBR' } });
    const right = profile('region:britain', 'Great Britain', {
      aliases: ['Britain'],
      codes: { iso2: 'GB', iso3: 'GBR' },
    });
    const reasons = nameReasons(left, right);
    expect(reasons).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'NameSimilarity', measure: NameMeasure.SAME_NAME, leftName: 'Britain' }),
        { kind: 'SharedName', names: ['Britain'], weight: WEIGHTS.sharedName },
        { kind: 'SameCode', field: 'iso2', value: 'GB', weight: WEIGHTS.sameCode },
        { kind: 'SameCode', field: 'iso3', value: 'GBR', weight: 0 },
      ]),
    );
    expect(scoreOf(reasons)).toBe(1);
  });

  it('lets two ISO codes argue against one name', () => {
    const reasons = nameReasons(
      profile('region:a', 'Georgia', { codes: { iso2: 'GE' } }),
      profile('region:b', 'Georgia', { codes: { iso2: 'US' }, kind: 'SUBNATIONAL' }),
    );
    expect(reasons).toContainEqual({
      kind: 'DifferentCode',
      field: 'iso2',
      left: 'GE',
      right: 'US',
      weight: WEIGHTS.differentCode,
    });
    expect(scoreOf(reasons)).toBeCloseTo(0.3, 5);
  });

  it('counts a pair with one ISO code as worth a look whatever the names', () => {
    const reasons = nameReasons(
      profile('region:a', 'United Kingdom', { codes: { iso2: 'GB' } }),
      profile('region:b', 'Britain', { codes: { iso2: 'gb' } }),
    );
    expect(worthALook(reasons)).toBe(true);
    expect(worthALook(nameReasons(profile('a', 'United Kingdom'), profile('b', 'Britain')))).toBe(false);
  });

  it('weighs shared neighbours up to a cap, and terms in one post that cannot both be against', () => {
    const neighbours = new Map([
      ['org:a', 'Organization'],
      ['org:b', 'Organization'],
      ['forum:a', 'Forum'],
      ['region:kz', 'Region'],
      ['forum:b', 'Forum'],
    ]);
    const reasons = surroundingReasons(
      {
        neighbours,
        positions: [{ organizationId: 'org:a', title: 'minister', since: '2010-01-01', until: '2012-12-31' }],
      },
      {
        neighbours,
        positions: [{ organizationId: 'org:a', title: 'minister', since: '2018-01-01', until: null }],
      },
    );
    const neighbourWeight = reasons
      .filter((reason) => reason.kind === 'SharedNeighbour')
      .reduce((sum, reason) => sum + reason.weight, 0);
    expect(neighbourWeight).toBeCloseTo(WEIGHTS.neighboursAtMost, 5);
    expect(reasons).toContainEqual(
      expect.objectContaining({ kind: 'DifferentTerms', organizationId: 'org:a', weight: WEIGHTS.differentTerms }),
    );
  });

  it('lets names that differ in their numbers argue against', () => {
    const reasons = nameReasons(
      profile('source:a', 'Bulletin of bilateral records no. 12'),
      profile('source:b', 'Bulletin of bilateral records no. 13'),
    );
    expect(reasons).toContainEqual({
      kind: 'DifferentNumber',
      left: '12',
      right: '13',
      weight: WEIGHTS.differentNumber,
    });
    expect(scoreOf(reasons)).toBeLessThan(0.5);
  });

  it('keeps scores within [0, 1]', () => {
    expect(scoreOf([{ kind: 'DifferentKind', left: 'A', right: 'B', weight: -2 }])).toBe(0);
  });
});

describe('blockingKeys', () => {
  const shares = (left: string, right: string) => {
    const keys = new Set(blockingKeys(profile('a', left)));
    return blockingKeys(profile('b', right)).some((key) => keys.has(key));
  };

  it.each([
    ['S. Zhumangarin', 'Serik Zhumangarin'],
    ['Zhumangarin S.', 'Serik Zhumangarin'],
    ['Zhumangarin Serik', 'Serik Zhumangarin'],
    ['Serik Zhumangrin', 'Serik Zhumangarin'],
    ['BaoSteel Group', 'Baosteel'],
    ['XUAR', 'Xinjiang Uygur Autonomous Region'],
    ['Kazakhstan Temir Zholy', 'Kazakstan Temir Zholy'],
  ])('puts %s and %s in one block', (left, right) => {
    expect(shares(left, right)).toBe(true);
  });

  it('keeps unlike names apart', () => {
    expect(shares('Serik Zhumangarin', 'Li Wei')).toBe(false);
    expect(shares('Baosteel', 'Caspian Grid')).toBe(false);
  });
});
