import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

/**
 * The tests `npm run test:mutation` runs: the unit tests of the mutated files (stryker.config.json,
 * `mutate`), which need no database. The integration tests also exercise these files, but each starts
 * a gateway, and code run while it starts (in `beforeAll`) makes Stryker run every test for a mutant:
 * hours on two cores. Fewer tests can only kill fewer mutants, so the score is not flattered; the full
 * suite stays `npm test`. Listed explicitly (Stryker's `related` mode is off).
 */
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['server/auth.test.ts', 'server/viewers.test.ts', 'server/limits.test.ts', 'modules/**/*.policy.test.ts', 'modules/organizations/contact-visibility.test.ts'],
  },
});
