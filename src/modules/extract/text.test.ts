import { readArticle, splitSentences } from './text';

describe('reading an article', () => {
  const text = [
    'Ministers meet in Tashkent',
    '',
    'TASHKENT, 2 May 2024',
    '',
    'The ministers met on Monday. They signed two agreements.',
    '',
    'Trade grows',
    '',
    'Trade grew by 5% to $1.2 bn. Mr. Smith said so.',
    '',
    'photo: a news agency',
  ].join('\n');
  const article = readArticle(text);

  it('numbers paragraphs after the headline, leaving out datelines, sub-headings and credits', () => {
    expect(article.headline?.text).toBe('Ministers meet in Tashkent');
    expect(article.paragraphs.map((p) => [p.number, p.text.slice(0, 12)])).toEqual([
      [1, 'The minister'],
      [2, 'Trade grew b'],
    ]);
    expect(article.headings.map((h) => h.text)).toEqual(['TASHKENT, 2 May 2024', 'Trade grows']);
  });

  it('splits sentences but not at abbreviations or decimals', () => {
    expect(article.sentences.map((s) => s.text)).toEqual([
      'The ministers met on Monday.',
      'They signed two agreements.',
      'Trade grew by 5% to $1.2 bn.',
      'Mr. Smith said so.',
    ]);
    expect(splitSentences({ start: 0, end: 48, text: 'The pavilion of 260 sq.m. featured 42 companies.' }).length).toBe(
      1,
    );
  });

  it('keeps offsets into the text, with Windows line endings too', () => {
    const windows = readArticle(text.replace(/\n/g, '\r\n'));
    for (const sentence of windows.sentences)
      expect(windows.text.slice(sentence.start, sentence.end)).toBe(sentence.text);
  });
});
