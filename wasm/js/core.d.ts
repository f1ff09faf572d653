// Types of the `cleanprod/core` entry: the same exports as `cleanprod`, loaded by `init`.
export * from './index.js';
