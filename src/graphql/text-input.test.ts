import { controlCharacterProblems } from './text-input';

describe('controlCharacterProblems', () => {
  it('names every string holding a control character by its path', () => {
    expect(
      controlCharacterProblems(
        { name: 'Kazakh\u0000stan', aliases: ['ok', 'bell\u0007'], nested: { role: 'esc\u001b[31m', count: 3 } },
        'input',
      ),
    ).toEqual([
      { field: 'input.name', message: 'must not contain control characters (found U+0000)' },
      { field: 'input.aliases[1]', message: 'must not contain control characters (found U+0007)' },
      { field: 'input.nested.role', message: 'must not contain control characters (found U+001B)' },
    ]);
  });

  it('lets descriptions hold tabs and line breaks, and nothing else', () => {
    expect(controlCharacterProblems({ description: 'one\ttwo\r\nthree\n' }, 'input')).toEqual([]);
    expect(controlCharacterProblems({ description: 'one\u0000' }, 'input')).toEqual([
      {
        field: 'input.description',
        message: 'must not contain control characters other than tab, line feed and carriage return (found U+0000)',
      },
    ]);
    expect(controlCharacterProblems({ name: 'one\ntwo' }, 'input')).toHaveLength(1);
    // DEL and the C1 controls are control characters too; other unusual characters are text.
    expect(controlCharacterProblems(['\u007f', '\u0085', 'Qaza\u0301q', '\u200b', '😀'], 'text')).toHaveLength(2);
  });

  it('names a top-level string by the argument', () => {
    expect(controlCharacterProblems('a\u0000', 'text')).toEqual([
      { field: 'text', message: 'must not contain control characters (found U+0000)' },
    ]);
  });
});
