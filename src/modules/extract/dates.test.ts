import { findDates, parsePublished } from './dates';

describe('dates resolved against the published date', () => {
  it('resolves a day and month in the year of publication', () => {
    const dates = findDates('On Friday (14 April) the ministers met.', parsePublished('2023-04'));
    expect(dates.map((d) => d.value)).toEqual(['2023-04-14']);
  });

  it('reads "last year" as the year before publication', () => {
    expect(findDates('Last year trade grew.', parsePublished('2021-06')).map((d) => d.value)).toEqual(['2020']);
  });

  it('leaves a weekday alone unless the day of publication is known', () => {
    expect(findDates('The fair opened on Monday.', parsePublished('2022-09'))).toEqual([]);
    expect(findDates('The fair opened on Monday.', parsePublished('2022-09-15')).map((d) => d.value)).toEqual([
      '2022-09-12',
    ]);
  });

  it('keeps years written out without a published date, and nothing relative', () => {
    expect(findDates('In 2019 exports doubled; last year they fell.', null).map((d) => d.value)).toEqual(['2019']);
  });

  it('puts a day written without a year before publication, not after', () => {
    expect(findDates('talks held on 20 December', parsePublished('2024-01')).map((d) => d.value)).toEqual([
      '2023-12-20',
    ]);
  });
});
