/* global React, ReactDOM, GraphiQL */
// Boots GraphiQL against this server's /graphql. URLs are relative so the page also works behind
// a reverse proxy that mounts the API under a path.
(async function boot() {
  const root = document.getElementById('graphiql');
  try {
    const response = await fetch('playground/operations.json');
    if (!response.ok) throw new Error(`the example operations did not load (HTTP ${response.status})`);
    const operations = await response.json();
    const fetcher = GraphiQL.createFetcher({ url: new URL('graphql', window.location.href).toString() });
    ReactDOM.createRoot(root).render(
      React.createElement(GraphiQL, {
        fetcher,
        defaultTabs: operations.map((operation) => ({ query: operation.query })),
        // Keys typed into the headers editor stay in this tab, not in local storage.
        shouldPersistHeaders: false,
      }),
    );
  } catch (error) {
    root.textContent = `The playground could not start: ${error instanceof Error ? error.message : String(error)}`;
  }
})();
