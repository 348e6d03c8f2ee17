import { ENTITY_TYPES, matchKey, slugId, TIE_SPECS, wordOrderKey } from './entity.model';

describe('graph model', () => {
  it('matches names regardless of case, accents and punctuation', () => {
    expect(matchKey('Ma Xíngrui')).toBe(matchKey('ma  xingrui'));
    expect(matchKey("People's Republic of China")).toBe('people s republic of china');
  });

  it('derives stable readable ids', () => {
    expect(slugId('Official', 'Serik Zhumangarin')).toBe('official:serik-zhumangarin');
    expect(slugId('Region', '   ')).toBe('region:unnamed');
  });

  it('keys a name whatever the order of its words, but not of its numbers', () => {
    expect(wordOrderKey('Official', 'Zhumangarin, Serik')).toBe(wordOrderKey('Official', 'Serik Zhumangarin'));
    expect(wordOrderKey('Forum', '2023 Astana Forum')).toBe(wordOrderKey('Forum', 'Astana Forum 2023'));
    expect(wordOrderKey('Forum', 'Astana Forum 2023 1-0')).toBe('Forum:~astana forum # 2023 1 0');
    expect(wordOrderKey('Sector', 'Sector 1-0')).toBeUndefined();
    expect(wordOrderKey('Sector', 'Energy')).toBeUndefined();
  });

  it('only joins known entity types', () => {
    for (const spec of Object.values(TIE_SPECS)) {
      for (const label of [...spec.from, ...spec.to]) expect(ENTITY_TYPES).toContain(label);
    }
  });
});
