import { exportJWK, exportSPKI, generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';

import type { JwtConfig } from '../../config';
import { createJwtVerifier, looksLikeJwt, rolesFrom } from './auth.jwt';

const SECRET = 'a-shared-secret-of-at-least-32-characters';
const BASE = { issuer: 'https://issuer.test', audience: 'ties-graph', rolesClaim: 'roles' };

async function hs256(claims: Record<string, unknown>, options: { iss?: string; aud?: string; exp?: string } = {}) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('alice')
    .setIssuer(options.iss ?? BASE.issuer)
    .setAudience(options.aud ?? BASE.audience)
    .setExpirationTime(options.exp ?? '5m')
    .sign(new TextEncoder().encode(SECRET));
}

describe('JWT verification', () => {
  const hsConfig: JwtConfig = { ...BASE, hs256Secret: SECRET, publicKey: undefined };

  it('accepts an HS256 token with the right issuer and audience, with its roles', async () => {
    const verify = createJwtVerifier(hsConfig);
    await expect(verify(await hs256({ roles: ['editor', 'nonsense'] }))).resolves.toEqual({
      id: 'jwt:alice',
      roles: ['editor'],
    });
  });

  it.each([
    ['another issuer', { iss: 'https://evil.test' }, /"iss" claim/],
    ['another audience', { aud: 'other-api' }, /"aud" claim/],
    ['an expired token', { exp: '-1m' }, /expired/],
  ])('refuses %s', async (_name, options, message) => {
    const verify = createJwtVerifier(hsConfig);
    await expect(verify(await hs256({ roles: 'editor' }, options))).rejects.toMatchObject({
      message: expect.stringMatching(message) as unknown,
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  it('refuses unsigned tokens and tokens signed with another secret', async () => {
    const verify = createJwtVerifier(hsConfig);
    const unsigned = new UnsecuredJWT({ roles: 'admin' })
      .setSubject('mallory')
      .setIssuer(BASE.issuer)
      .setAudience(BASE.audience)
      .setExpirationTime('5m')
      .encode();
    await expect(verify(unsigned)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    const forged = await new SignJWT({ roles: 'admin' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('mallory')
      .setIssuer(BASE.issuer)
      .setAudience(BASE.audience)
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode('another-secret-of-at-least-32-characters'));
    await expect(verify(forged)).rejects.toThrow(/signature/);
  });

  it('verifies RS256 with a PEM key or a JWKS, and refuses HS256 made with the public key as secret', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
    const pem = await exportSPKI(publicKey);
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256' };
    const token = await new SignJWT({ roles: ['reader'] })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setSubject('bob')
      .setIssuer(BASE.issuer)
      .setAudience(BASE.audience)
      .setExpirationTime('5m')
      .sign(privateKey);
    const withPem = createJwtVerifier({ ...BASE, hs256Secret: undefined, publicKey: { kind: 'pem', pem } });
    const withJwks = createJwtVerifier({
      ...BASE,
      hs256Secret: undefined,
      publicKey: { kind: 'jwks', jwks: { keys: [jwk] } },
    });
    await expect(withPem(token)).resolves.toEqual({ id: 'jwt:bob', roles: ['reader'] });
    await expect(withJwks(token)).resolves.toEqual({ id: 'jwt:bob', roles: ['reader'] });

    const confused = await new SignJWT({ roles: 'admin' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('mallory')
      .setIssuer(BASE.issuer)
      .setAudience(BASE.audience)
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(pem));
    await expect(withPem(confused)).rejects.toThrow(/algorithm is not accepted/);
  });

  it('reads roles from a string, a list or a dotted claim path', () => {
    expect(rolesFrom({ roles: 'admin' }, 'roles')).toEqual(['admin']);
    expect(rolesFrom({ realm_access: { roles: ['reader', 'x'] } }, 'realm_access.roles')).toEqual(['reader']);
    expect(rolesFrom({}, 'roles')).toEqual([]);
  });

  it('tells JWTs from API keys', () => {
    expect(looksLikeJwt('tg_abcDEF-123')).toBe(false);
    expect(looksLikeJwt('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln')).toBe(true);
  });
});
