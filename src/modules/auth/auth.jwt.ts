import {
  createLocalJWKSet,
  type CryptoKey,
  errors,
  importSPKI,
  type JWTPayload,
  jwtVerify,
  type JWTVerifyGetKey,
} from 'jose';

import type { JwtConfig } from '../../config';
import type { User } from './auth.user';
import { UnauthenticatedError } from '../../errors';
import { isRole } from './auth.roles';

/** Turns a presented token into its user, or throws UNAUTHENTICATED saying what was wrong with it. */
export type TokenVerifier = (token: string) => Promise<User>;

/** Compact JWS: three base64url parts. API keys (`tg_…`) never contain a dot. */
export function looksLikeJwt(credential: string): boolean {
  return /^[\w-]+\.[\w-]+\.[\w-]*$/.test(credential);
}

/** Reads a claim by its dotted path, so `realm_access.roles` (Keycloak) works as well as `roles`. */
function claimAt(payload: JWTPayload, path: string): unknown {
  let value: unknown = payload;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

export function rolesFrom(payload: JWTPayload, claim: string): string[] {
  const value = claimAt(payload, claim);
  const values = Array.isArray(value) ? value : [value];
  return values.filter((role): role is string => typeof role === 'string' && isRole(role));
}

/** What a client is told about a refused token: enough to fix it, nothing about our keys. */
function refusal(error: unknown): UnauthenticatedError {
  const reason =
    error instanceof errors.JWTExpired
      ? 'it has expired'
      : error instanceof errors.JWTClaimValidationFailed
        ? `its "${error.claim}" claim is ${error.reason === 'missing' ? 'missing' : 'not accepted'}`
        : error instanceof errors.JOSEAlgNotAllowed
          ? 'its algorithm is not accepted'
          : error instanceof errors.JWSSignatureVerificationFailed
            ? 'its signature does not verify'
            : 'it is malformed or signed with an unknown key';
  return new UnauthenticatedError(`The token is not valid: ${reason}`, 401);
}

/**
 * Verifies JWTs with jose: HS256 with the shared secret, RS256 with the configured public key or
 * JWKS. The algorithm list is fixed by what is configured, so a token cannot pick `none` or swap
 * RS256 for HS256 with the public key as secret. Issuer, audience, `exp` and `sub` are required.
 */
export function createJwtVerifier(config: JwtConfig): TokenVerifier {
  const secret = config.hs256Secret === undefined ? undefined : new TextEncoder().encode(config.hs256Secret);
  const publicKey = config.publicKey;
  const jwks = publicKey?.kind === 'jwks' ? createLocalJWKSet(publicKey.jwks) : undefined;
  let pemKey: Promise<CryptoKey> | undefined;
  const algorithms = [...(secret ? ['HS256'] : []), ...(publicKey ? ['RS256'] : [])];

  const keyFor: JWTVerifyGetKey = async (header, token) => {
    // jose has already refused any algorithm outside `algorithms`.
    if (header.alg === 'HS256' && secret) return secret;
    if (jwks) return jwks(header, token);
    if (publicKey?.kind === 'pem') {
      pemKey ??= importSPKI(publicKey.pem, 'RS256');
      return pemKey;
    }
    throw new errors.JOSEAlgNotAllowed('no key for this algorithm');
  };

  return async (token) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keyFor, {
        algorithms,
        issuer: config.issuer,
        audience: config.audience,
        requiredClaims: ['exp', 'sub'],
        clockTolerance: 5,
      }));
    } catch (error) {
      throw refusal(error);
    }
    return { id: `jwt:${payload.sub ?? ''}`, roles: rolesFrom(payload, config.rolesClaim) };
  };
}
