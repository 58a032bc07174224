import { defineConfig } from 'vitest/config';

/** The end-to-end suite: the bot and the Agents Playground driven in Chromium, one file at a time. */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    pool: 'forks',
    // Certificates for the Microsoft Graph stand-in, trusted by every test process through NODE_EXTRA_CA_CERTS.
    globalSetup: ['test/support/graph-stand-in/global-setup.ts'],
  },
});
