import { generateKey, hashKey, userForKey } from './auth.keys';

describe('API keys', () => {
  const key = generateKey();
  const keys = [
    { name: 'ci', role: 'reader', sha256: hashKey('another-key') },
    { name: 'alice', role: 'editor', sha256: hashKey(key) },
  ];

  it('finds the user of a valid key by its hash', () => {
    expect(userForKey(key, keys)).toEqual({ id: 'key:alice', roles: ['editor'] });
  });

  it('refuses an unknown key', () => {
    expect(userForKey(`${key}x`, keys)).toBeNull();
    expect(userForKey('', keys)).toBeNull();
  });

  it('never stores the key itself', () => {
    expect(hashKey(key)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashKey(key)).not.toContain(key);
  });
});
