import type { GraphQLResponse } from './harness';

export interface HttpAnswer<T = Record<string, unknown>> {
  readonly status: number;
  readonly headers: Headers;
  /** The parsed JSON body, or undefined when the body is not JSON (`text` has it then). */
  readonly body: (GraphQLResponse<T> & Record<string, unknown>) | undefined;
  readonly text: string;
}

/** POSTs a GraphQL request (or any raw body) to `/graphql`, as a client would. */
export async function postGraphQL<T = Record<string, unknown>>(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<HttpAnswer<T>> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return answer<T>(response);
}

export async function answer<T>(response: Response): Promise<HttpAnswer<T>> {
  const text = await response.text();
  let body: HttpAnswer<T>['body'];
  try {
    body = JSON.parse(text) as HttpAnswer<T>['body'];
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, body, text };
}

export function bearer(credential: string): Record<string, string> {
  return { authorization: `Bearer ${credential}` };
}
