import cors from 'cors';
import type { RequestHandler } from 'express';

/**
 * CORS from the configured allow-list: `*` lets any origin in, an empty list none (same-origin
 * only). Credentials (cookies) are never allowed cross-origin; callers authenticate with a
 * header, which is why Authorization and X-API-Key are allowed request headers.
 */
export function corsFor(origins: readonly string[]): RequestHandler {
  return cors({
    origin: origins.includes('*') ? '*' : origins.length === 0 ? false : [...origins],
    methods: ['GET', 'POST'],
    allowedHeaders: [
      'Content-Type',
      'Accept',
      'Authorization',
      'X-API-Key',
      'Apollo-Require-Preflight',
      'X-Apollo-Operation-Name',
    ],
    credentials: false,
    maxAge: 600,
  });
}
