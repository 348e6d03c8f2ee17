import type { IncomingHttpHeaders } from 'node:http';

import type { Config } from '../../config';
import type { User } from './auth.user';
import { UnauthenticatedError } from '../../errors';
import { createJwtVerifier, looksLikeJwt } from './auth.jwt';
import { userForKey } from './auth.keys';

/**
 * Reads the caller from `Authorization: Bearer <API key or JWT>` or `X-API-Key: <API key>`. No
 * credential is an anonymous caller; a credential that does not check out is refused outright
 * (HTTP 401), even where reads are open: a client sending one expects to be someone.
 */
export type Authenticate = (request: { readonly headers: IncomingHttpHeaders }) => Promise<User | null>;

export function authenticateRequest(config: Config): Authenticate {
  const verifyJwt = config.auth.jwt ? createJwtVerifier(config.auth.jwt) : undefined;
  return async (request) => {
    const header = request.headers.authorization;
    const apiKey = request.headers['x-api-key'];
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
      if (!match?.[1])
        throw new UnauthenticatedError('Send the credential as "Authorization: Bearer <key or token>"', 401);
      const credential = match[1];
      if (looksLikeJwt(credential)) {
        if (!verifyJwt) throw new UnauthenticatedError('This server does not accept JWTs; use an API key', 401);
        return verifyJwt(credential);
      }
      return keyUser(credential, config);
    }
    if (typeof apiKey === 'string') return keyUser(apiKey, config);
    return null;
  };
}

function keyUser(key: string, config: Config): User {
  const user = userForKey(key, config.auth.apiKeys);
  if (!user) throw new UnauthenticatedError('The API key is not valid', 401);
  return user;
}
