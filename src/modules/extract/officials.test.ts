import { extractReport } from './extract.service';

// Short texts written for these tests.
function draft(paragraph: string) {
  return extractReport(`Headline\n\n${paragraph}\n`);
}

function officials(paragraph: string): string[] {
  return draft(paragraph)
    .entities.filter((e) => e.official)
    .map((e) => String(e.official?.name));
}

function positions(paragraph: string): [string, string, string][] {
  const report = draft(paragraph);
  const name = (ref: string): string => {
    const entity = report.entities.find((e) => e.ref === ref);
    return String(entity?.official?.name ?? entity?.organization?.name);
  };
  return report.ties.filter((t) => t.type === 'HOLDS').map((t) => [name(t.from), String(t.title), name(t.to)]);
}

describe('officials and their positions', () => {
  it('reads a title before the name, split into positions', () => {
    expect(positions('Turkish Vice President and Minister of Energy Alparslan Bayraktar spoke.')).toEqual([
      ['Alparslan Bayraktar', 'Vice President', 'Government of Türkiye'],
      ['Alparslan Bayraktar', 'Minister of Energy', 'Ministry of Energy of Türkiye'],
    ]);
  });

  it('reads a title after the name and a comma', () => {
    expect(
      positions('The deal was welcomed by Rania Al-Mashat, Minister of International Cooperation of Egypt, on Sunday.'),
    ).toEqual([
      ['Rania Al-Mashat', 'Minister of International Cooperation', 'Ministry of International Cooperation of Egypt'],
    ]);
  });

  it('takes a surname after a title, and later mentions by surname', () => {
    const report = draft('President Tokayev opened the forum. Later, Tokayev met investors.');
    const tokayev = report.entities.filter((e) => e.official);
    expect(tokayev.map((e) => e.official?.name)).toEqual(['Tokayev']);
  });

  it('leaves a form of address out of the position', () => {
    expect(positions('Qatari Emir Sheikh Tamim bin Hamad Al Thani arrived.')).toEqual([
      ['Tamim bin Hamad Al Thani', 'Emir', 'Government of Qatar'],
    ]);
  });

  it('reads a person after the body a title names', () => {
    expect(
      positions('Chairman of the Kazakhstan Chamber of Commerce for Foreign Trade Timur Kulibayev spoke.'),
    ).toEqual([['Timur Kulibayev', 'Chairman', 'Kazakhstan Chamber of Commerce for Foreign Trade']]);
  });

  it('takes people who speak or sign, even without a title, and not other capitalised words', () => {
    expect(officials('The sides discussed transit, said Aida Balayeva. The paper was signed by Li Wei.')).toEqual([
      'Aida Balayeva',
      'Li Wei',
    ]);
    expect(officials('The Silk Road Fund and Green Valley Park were mentioned at Expo Centre.')).toEqual([]);
  });
});
