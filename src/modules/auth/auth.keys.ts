import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

import type { User } from './auth.user';

export interface StoredKey {
  readonly name: string;
  readonly role: string;
  readonly sha256: string;
}

export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export function generateKey(): string {
  return `tg_${randomBytes(24).toString('base64url')}`;
}

/**
 * Finds the key whose hash matches. Every stored hash is compared, in constant time, so timing
 * tells nothing about which keys exist.
 */
export function userForKey(presented: string, keys: readonly StoredKey[]): User | null {
  const presentedHash = Buffer.from(hashKey(presented), 'hex');
  let found: StoredKey | null = null;
  for (const key of keys) {
    const stored = Buffer.from(key.sha256, 'hex');
    if (stored.length === presentedHash.length && timingSafeEqual(stored, presentedHash)) found = key;
  }
  return found ? { id: `key:${found.name}`, roles: [found.role] } : null;
}
