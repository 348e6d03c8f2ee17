// TypeScript's "node" module resolution does not read package `exports`, which is how graphql-ws
// publishes its WebSocket server; Node and Jest do read them, so only the types need pointing at.
declare module 'graphql-ws/use/ws' {
  export * from 'graphql-ws/dist/use/ws';
}
