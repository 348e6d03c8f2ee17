import { toLuceneQuery } from './search.service';

describe('toLuceneQuery', () => {
  it('requires every word and matches the last one as a prefix too', () => {
    expect(toLuceneQuery('Ma Xingrui')).toBe('+ma +(xingrui OR xingrui*)');
  });

  it('folds the prefix as the index folds names, since Lucene does not analyze prefixes', () => {
    expect(toLuceneQuery('tokáyev')).toBe('+(tokáyev OR tokayev*)');
    expect(toLuceneQuery('Kassym-Jomart')).toBe('+(kassym\\-jomart OR jomart*)');
  });

  it('escapes every special character and turns operators into words', () => {
    expect(toLuceneQuery('}) DETACH DELETE n //')).toBe('+detach +delete +n');
    expect(toLuceneQuery('a:b (c) [d TO e] "f" g~ h^2 i* j? k\\ l/ !m +n -o &&p ||q')).toBe(
      '+a\\:b +\\(c\\) +\\[d +to +e\\] +\\"f\\" +g\\~ +h\\^2 +i\\* +j\\? +k\\\\ +l\\/ +\\!m +\\+n +\\-o +\\&\\&p +\\|\\|q',
    );
    expect(toLuceneQuery('x AND y OR NOT zed')).toBe('+x +and +y +or +not +(zed OR zed*)');
  });

  it('drops words without a letter or digit, and short prefixes', () => {
    expect(toLuceneQuery('"  * -- ')).toBeNull();
    expect(toLuceneQuery('   ')).toBeNull();
    expect(toLuceneQuery('Xi J')).toBe('+xi +j');
  });
});
