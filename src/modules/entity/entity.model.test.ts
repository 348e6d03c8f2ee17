import { ENTITY_TYPES, matchKey, slugId, TIE_SPECS } from './entity.model';

describe('graph model', () => {
  it('matches names regardless of case, accents and punctuation', () => {
    expect(matchKey('Ma Xíngrui')).toBe(matchKey('ma  xingrui'));
    expect(matchKey("People's Republic of China")).toBe('people s republic of china');
  });

  it('derives stable readable ids', () => {
    expect(slugId('Official', 'Serik Zhumangarin')).toBe('official:serik-zhumangarin');
    expect(slugId('Region', '   ')).toBe('region:unnamed');
  });

  it('only joins known entity types', () => {
    for (const spec of Object.values(TIE_SPECS)) {
      for (const label of [...spec.from, ...spec.to]) expect(ENTITY_TYPES).toContain(label);
    }
  });
});
