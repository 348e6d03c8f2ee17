/* global React, ReactDOM, GraphiQL */
// Boots GraphiQL against this server's /graphql. URLs are relative so the page also works behind
// a reverse proxy that mounts the API under a path.

/** Where GraphiQL keeps its tabs (namespace "graphiql"), and where we keep the examples we put there. */
const TABS_KEY = 'graphiql:tabState';
const EXAMPLES_KEY = 'ties-graph:playground-examples';

/** GraphiQL's own reading of a tab's operation name, so titles match the ones it gives. */
function operationName(query) {
  return /^(?!#).*(?:query|subscription|mutation)\s+([a-zA-Z0-9_]+)/m.exec(query ?? '')?.[1] ?? null;
}

function readJson(key) {
  try {
    return JSON.parse(localStorage.getItem(key) ?? 'null');
  } catch {
    return null;
  }
}

function exampleTab(query) {
  const id =
    typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `tab-${Math.random().toString(16).slice(2)}`;
  return {
    id,
    hash: query,
    title: operationName(query) ?? '<untitled>',
    query,
    variables: null,
    headers: null,
    operationName: null,
    response: null,
  };
}

/**
 * GraphiQL opens `defaultTabs` only when it has no tabs stored, so a returning user would never
 * see new or changed examples. When the examples differ from the ones last put in this browser,
 * the stored tabs are rewritten: the current examples first, in order (a tab still holding an
 * example's text keeps its variables), then every tab the user wrote or edited. A tab holding an
 * example's old text is replaced by the new one; from before this record existed, a tab named as an
 * example counts as that example. Returns the tab GraphiQL should open with.
 */
function mergeExamples(operations) {
  const version = JSON.stringify(operations.map((operation) => operation.query));
  const shipped = readJson(EXAMPLES_KEY);
  const state = readJson(TABS_KEY);
  const record = () =>
    localStorage.setItem(
      EXAMPLES_KEY,
      JSON.stringify({
        version,
        queries: Object.fromEntries(operations.map((operation) => [operation.name, operation.query])),
      }),
    );
  if (!state || !Array.isArray(state.tabs) || state.tabs.length === 0) {
    record();
    return undefined;
  }
  if (shipped?.version !== version) {
    const previous = shipped?.queries ?? {};
    const current = new Map(operations.map((operation) => [operation.name, operation.query]));
    const retired = new Set(Object.values(previous));
    const examples = operations.map(
      (operation) => state.tabs.find((tab) => tab.query === operation.query) ?? exampleTab(operation.query),
    );
    const own = state.tabs.filter((tab) => {
      const query = tab.query ?? '';
      if (query.trim() === '' || examples.includes(tab) || retired.has(query)) return false;
      const name = operationName(query);
      const outdatedExample = current.has(name) && (shipped ? previous[name] === query : true);
      return !outdatedExample;
    });
    localStorage.setItem(TABS_KEY, JSON.stringify({ activeTabIndex: 0, tabs: [...examples, ...own] }));
    record();
  }
  const stored = readJson(TABS_KEY);
  return stored.tabs[stored.activeTabIndex] ?? stored.tabs[0];
}

/**
 * An operation passed in the URL (`/?query=…&variables=…`, as GraphiQL's own links write them): the
 * explorer links an entity's query this way.
 */
function askedOperation() {
  const params = new URLSearchParams(window.location.search);
  const query = params.get('query');
  if (!query) return undefined;
  return { query, variables: params.get('variables') ?? '' };
}

(async function boot() {
  const root = document.getElementById('graphiql');
  try {
    const response = await fetch('playground/operations.json');
    if (!response.ok) throw new Error(`the example operations did not load (HTTP ${response.status})`);
    const operations = await response.json();
    const asked = askedOperation();
    let active = mergeExamples(operations);
    if (asked) {
      // GraphiQL opens a given query in a tab of its own only when it has tabs stored; a first
      // visit stores the examples first, so the asked-for query joins them rather than replacing them.
      if (!active) {
        localStorage.setItem(
          TABS_KEY,
          JSON.stringify({ activeTabIndex: 0, tabs: operations.map((operation) => exampleTab(operation.query)) }),
        );
      }
      active = asked;
    }
    const fetcher = GraphiQL.createFetcher({ url: new URL('graphql', window.location.href).toString() });
    ReactDOM.createRoot(root).render(
      React.createElement(GraphiQL, {
        fetcher,
        defaultTabs: operations.map((operation) => ({ query: operation.query })),
        // With stored tabs, GraphiQL opens the one matching these (else it adds an empty tab).
        ...(active ? { query: active.query ?? '', variables: active.variables ?? '' } : {}),
        // Keys typed into the headers editor stay in this tab, not in local storage.
        shouldPersistHeaders: false,
      }),
    );
  } catch (error) {
    root.textContent = `The playground could not start: ${error instanceof Error ? error.message : String(error)}`;
  }
})();
