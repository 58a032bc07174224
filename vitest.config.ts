import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Certificates for the Microsoft Graph stand-in, trusted by every test process through NODE_EXTRA_CA_CERTS.
    globalSetup: ['test/support/graph-stand-in/global-setup.ts'],
  },
});
