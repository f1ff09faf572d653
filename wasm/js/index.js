// The cleanprod npm package, loaded on import: the WebAssembly engine is fetched (read, in
// Node.js) from next to this file in a top-level await, so every function can be called at
// once. For a bundle without top-level await, a wasm file served from elsewhere, a load that
// can be retried or `require()`, import `cleanprod/core` and call `init()` yourself.
import { init } from './core.js';

await init();

export * from './core.js';
