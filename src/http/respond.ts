import type { Response } from 'express';

/** Sends an error in the GraphQL response shape, for refusals made before GraphQL runs. */
export function sendError(
  response: Response,
  status: number,
  message: string,
  extensions: Record<string, unknown>,
): void {
  response.status(status).json({ errors: [{ message, extensions }] });
}
