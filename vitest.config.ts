import { defineConfig } from 'vitest/config';

import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql 16 has no "exports" map: Node loads its CommonJS build (for type-graphql, graphql-ws…),
    // while Vite would pick index.mjs for our files: two realms. Resolve like Node does.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['server/**/*.test.ts', 'modules/**/*.test.ts', 'test/**/*.test.ts'],
    // One module graph per worker: type-graphql's metadata is global, so the schema is built once
    // per worker and module set (type-graphql #1321) instead of once per file.
    isolate: false,
    pool: 'forks',
    // Several tests start an app with the whole demo (every module) in their body: minutes on a loaded 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
