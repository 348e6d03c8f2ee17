import type { Request } from 'express';

import type { Config } from '../../config';
import type { User } from '../../context';
import { UnauthenticatedError } from '../../errors';
import { userForKey } from './auth.keys';

/** Reads the caller from `Authorization: Bearer <key>` (or `X-API-Key`). */
export function authenticateRequest(config: Config): (request: Request) => User | null {
  return (request) => {
    const header = request.headers.authorization;
    const bearer = header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined;
    const apiKey = request.headers['x-api-key'];
    const presented = bearer ?? (typeof apiKey === 'string' ? apiKey : undefined);
    if (presented === undefined) return null;
    const user = userForKey(presented, config.auth.apiKeys);
    // A wrong key is an error even for open reads: a client sending one expects to be someone.
    if (!user) throw new UnauthenticatedError('The API key is not valid');
    return user;
  };
}
