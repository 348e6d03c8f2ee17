import { countryCodeOf, countryKey, subdivisionCodeOf } from './country-names';

describe('country names', () => {
  it.each([
    ['Britain', 'GB'],
    ['United Kingdom', 'GB'],
    ['UAE', 'AE'],
    ['Russian Federation', 'RU'],
    ['Ivory Coast', 'CI'],
    ["Côte d'Ivoire", 'CI'],
    ['Laos', 'LA'],
    ["Lao People's Democratic Republic", 'LA'],
    ['the US', 'US'],
    ['U.S.', 'US'],
    ['Republic of Korea', 'KR'],
    ['Royaume-Uni', 'GB'],
    ['Großbritannien', 'GB'],
    ['Estados Unidos', 'US'],
    ['Россия', 'RU'],
    ['中国', 'CN'],
    ['Қазақстан', 'KZ'],
    ['Republic of Kazakhstan', 'KZ'],
    ['Kingdom of Morocco', 'MA'],
  ])('%s is %s', (name, code) => {
    expect(countryCodeOf(name)).toEqual({ found: true, code });
  });

  it('says which countries an ambiguous name could be, and finds none for an unknown one', () => {
    expect(countryCodeOf('Congo')).toEqual({ found: false, ambiguous: ['CD', 'CG'] });
    expect(countryCodeOf('Atlantis')).toEqual({ found: false, ambiguous: [] });
  });

  it('finds subdivisions by name, under the codes ISO writes today', () => {
    expect(subdivisionCodeOf('Xinjiang Uyghur Autonomous Region')).toEqual({ found: true, code: 'CN-XJ' });
    expect(subdivisionCodeOf('XUAR')).toEqual({ found: true, code: 'CN-XJ' });
    expect(subdivisionCodeOf('England')).toEqual({ found: true, code: 'GB-ENG' });
  });

  it('folds case, accents, punctuation and a leading "the"', () => {
    expect(countryKey('The  U.S.')).toBe('u s');
    expect(countryKey('Côte d’Ivoire')).toBe(countryKey("cote d'ivoire"));
  });
});
