import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

import { generateKey, hashKey } from '../../src/modules/auth/auth.keys';
import { Harness } from '../support/harness';

/**
 * The live feed: a graphql-ws client on /graphql receives the changes made through HTTP that pass
 * its filter, with the same authentication and limits as HTTP, and nothing it may not see.
 */

interface Received {
  data?: { changed?: { id: string; operation: string; actor: string | null; entities: { id: string }[] } };
  errors?: { message: string; extensions?: { code?: string } }[];
}

describe('the changed subscription', () => {
  let harness: Harness;
  let server: Awaited<ReturnType<Harness['serve']>>;
  let wsUrl: string;
  const keys = { reader: generateKey(), editor: generateKey() };
  const clients: Client[] = [];

  beforeAll(async () => {
    harness = await Harness.openSeeded();
    server = await harness.serve({
      API_KEYS: Object.entries(keys)
        .map(([role, key]) => `${role}-key:${role}:${hashKey(key)}`)
        .join(','),
      MAX_QUERY_DEPTH: '6',
    });
    wsUrl = `${server.url.replace(/^http/, 'ws')}/graphql`;
  });

  afterAll(async () => {
    await Promise.all(clients.map(async (client) => client.dispose()));
    await server.close();
    await harness.close();
  });

  const connect = (params: Record<string, unknown> = {}) => {
    const client = createClient({ url: wsUrl, webSocketImpl: WebSocket, connectionParams: params, retryAttempts: 0 });
    clients.push(client);
    return client;
  };

  /** Subscribes and collects what arrives; `ready` resolves once the server has the subscription. */
  const subscribe = (client: Client, query: string, variables: Record<string, unknown> = {}) => {
    const received: Received[] = [];
    let ended: unknown = null;
    const done = new Promise<void>((resolve) => {
      client.subscribe<Received['data']>(
        { query, variables },
        {
          next: (value) => received.push(value as Received),
          error: (error) => {
            ended = error;
            resolve();
          },
          complete: resolve,
        },
      );
    });
    return { received, done, ended: () => ended };
  };

  const editorPost = async (query: string) => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${keys.editor}` },
      body: JSON.stringify({ query }),
    });
    return (await response.json()) as { errors?: unknown[] };
  };

  const until = async (check: () => boolean) => {
    for (let waited = 0; waited < 10_000 && !check(); waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(check()).toBe(true);
  };

  const FIELDS = 'id operation actor entities { id }';

  it('delivers a change made through HTTP to a subscriber whose filter it passes, and not to another', async () => {
    const reader = connect({ authorization: `Bearer ${keys.reader}` });
    const xinjiang = subscribe(reader, `subscription { changed(filter: { region: "region:cn-xj" }) { ${FIELDS} } }`);
    const sectors = subscribe(reader, `subscription { changed(filter: { type: "SECTOR" }) { ${FIELDS} } }`);
    // Let both subscriptions reach the server before writing.
    await new Promise((resolve) => setTimeout(resolve, 500));

    expect(
      (await editorPost('mutation { createSector(input: { name: "Live sector" }) { id } }')).errors,
    ).toBeUndefined();
    expect(
      (
        await editorPost(
          'mutation { createTie(input: { type: COVERS, from: "doc:kz-xuar-dialogue-2-interregional", to: "sector:live-sector" }) }',
        )
      ).errors,
    ).toBeUndefined();

    await until(() => sectors.received.length === 1 && xinjiang.received.length === 1);
    expect(sectors.received[0]?.data?.changed).toMatchObject({
      operation: 'createSector',
      entities: [{ id: 'sector:live-sector' }],
    });
    // A reader does not see who made it.
    expect(sectors.received[0]?.data?.changed?.actor).toBeNull();
    // The tie concerns a document binding Xinjiang; the new sector alone did not.
    expect(xinjiang.received[0]?.data?.changed?.operation).toBe('createTie');
  });

  it('shows the actor to an editor, and refuses an actor filter to a reader', async () => {
    const editor = connect({ 'x-api-key': keys.editor });
    const mine = subscribe(editor, `subscription { changed(filter: { actor: "key:editor-key" }) { ${FIELDS} } }`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await editorPost('mutation { createSector(input: { name: "Editor sector" }) { id } }');
    await until(() => mine.received.length === 1);
    expect(mine.received[0]?.data?.changed?.actor).toBe('key:editor-key');

    const reader = connect({ authorization: `Bearer ${keys.reader}` });
    const refused = subscribe(reader, `subscription { changed(filter: { actor: "key:editor-key" }) { ${FIELDS} } }`);
    await refused.done;
    const received = refused.received[0]?.errors ?? (refused.ended() as { message: string }[] | null) ?? [];
    expect(JSON.stringify(received)).toMatch(/editor role/);
  });

  it('refuses a connection with a bad credential, and operations over the limits', async () => {
    const bad = connect({ authorization: `Bearer ${generateKey()}` });
    const attempt = subscribe(bad, `subscription { changed { id } }`);
    await attempt.done;
    expect(String((attempt.ended() as { code?: number } | null)?.code)).toBe('4403');

    const reader = connect({ authorization: `Bearer ${keys.reader}` });
    const deep = subscribe(
      reader,
      `subscription { changed { entities { id } ties { properties { property } } revertedBy { revertedBy { revertedBy { revertedBy { revertedBy { id } } } } } } }`,
    );
    await deep.done;
    expect(JSON.stringify(deep.ended() ?? deep.received)).toMatch(/Query depth/);
  });

  it('answers a subscription sent over HTTP with where to send it', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'subscription { changed { id } }' }),
    });
    const body = (await response.json()) as { errors?: { message: string }[] };
    expect(body.errors?.[0]?.message).toMatch(/WebSocket at \/graphql/);
  });
});
