// The one Node API the Worker uses (the `nodejs_als` compatibility flag in wrangler.jsonc), declared as workerd
// implements it; `wrangler types` does not generate Node's types, and @types/node would bring all of Node's globals.
declare module 'node:async_hooks' {
  /** A value that follows one request through every await and `waitUntil` continuation. */
  export class AsyncLocalStorage<T> {
    /** The value of the `run` this code was called from, if any. */
    getStore(): T | undefined;
    /** Calls `callback` with `store` as the value `getStore()` returns inside it. */
    run<R>(store: T, callback: () => R): R;
  }
}
