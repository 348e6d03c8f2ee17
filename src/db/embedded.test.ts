import { parseJavaMajorVersion } from './embedded';

describe('Java version check', () => {
  it.each([
    ['openjdk version "17.0.15" 2025-04-15', 17],
    ['openjdk version "21" 2023-09-19', 21],
    ['java version "1.8.0_392"', 8],
    ['openjdk version "11.0.22" 2024-01-16', 11],
    ['no java here', undefined],
  ])('reads %s as %s', (output, major) => {
    expect(parseJavaMajorVersion(output)).toBe(major);
  });
});
