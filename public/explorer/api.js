// The explorer's reads. Everything comes from this server's GraphQL API; URLs are relative so the
// page also works behind a proxy that mounts the API under a path.

const apiKey = document.getElementById('api-key');
apiKey.value = sessionStorage.getItem('ties-graph-api-key') ?? '';
apiKey.addEventListener('change', () => sessionStorage.setItem('ties-graph-api-key', apiKey.value.trim()));

/** Runs one operation; JSON content type satisfies the API's CSRF prevention. */
export async function graphql(query, variables = {}) {
  const headers = { 'content-type': 'application/json' };
  if (apiKey.value.trim()) headers.authorization = `Bearer ${apiKey.value.trim()}`;
  const response = await fetch(new URL('graphql', window.location.href), {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors?.length) throw new Error(body.errors.map((error) => error.message).join('; '));
  return body.data;
}

// Dates and sectors of the facts, for the filters; a part document takes its package's sectors.
export const FACT_FIELDS = `
    ... on Document { signedOn { earliest latest } sectors { id } partOf { sectors { id } } }
    ... on Forum { date { earliest latest } }
    ... on Figure { period { earliest latest } }`;

const TIE_FIELDS = `type fromId toId title role
  since { value precision earliest latest } until { value precision earliest latest }
  onBehalfOf { __typename ... on Entity { id name } }`;
const PROVENANCE = 'sources { sourceId locator quote names recordedAt }';

export const SEARCH = `query ExplorerSearch($text: String!) {
  search(text: $text, first: 20) { entity { id name __typename } }
}`;

export const NEIGHBORHOOD = `query ExplorerNeighborhood($id: ID!, $limit: Int!) {
  neighborhood(id: $id, depth: 1, limit: $limit) {
    centerId
    truncated
    nodes { id label degree entity { id __typename ${FACT_FIELDS} } }
    edges { id source target type label ${PROVENANCE} tie { ${TIE_FIELDS} } }
  }
}`;

export const PATH = `query ExplorerPath($from: ID!, $to: ID!, $maxHops: Int!) {
  path(from: $from, to: $to, maxHops: $maxHops, limit: 5) {
    length
    truncated
    from { id name }
    to { id name }
    paths {
      nodes { id name __typename ${FACT_FIELDS} }
      steps { direction tie { ${TIE_FIELDS} ${PROVENANCE} } }
    }
  }
}`;

export const SECTORS = `query ExplorerSectors { sectors(first: 100) { nodes { id name } } }`;

const SOURCE = `query ExplorerSource($id: ID!) {
  source(id: $id) { id name publisher url publishedOn { value precision } }
}`;

const sources = new Map();
/** A source's title, publisher, date and link, asked once per page. */
export function sourceOf(id) {
  if (!sources.has(id))
    sources.set(
      id,
      graphql(SOURCE, { id }).then((data) => data.source),
    );
  return sources.get(id);
}

let panelQueries;
/** The property panel's queries, derived from the schema by the server (`explorer.routes.ts`). */
export function panelQueriesOnce() {
  panelQueries ??= fetch(new URL('explorer/queries.json', window.location.href)).then((response) => {
    if (!response.ok) throw new Error(`the panel's queries did not load (HTTP ${response.status})`);
    return response.json();
  });
  return panelQueries;
}

/** The playground at `/` with this operation open in a tab of its own. */
export function playgroundLink(query, variables) {
  const url = new URL('./', window.location.href);
  url.searchParams.set('query', query);
  url.searchParams.set('variables', JSON.stringify(variables, null, 2));
  return url.toString();
}
