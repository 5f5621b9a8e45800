import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { parleyContent } from './src/build/content-plugin.ts';

export default defineConfig({
  plugins: [react(), parleyContent({ root: import.meta.dirname })],
  test: {
    reporters: ['default', './tests/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/{core,cli,node,server}/**/*.test.{ts,tsx}'],
          environment: 'node',
          // Opening a test server takes a few seconds alone, and more when the browser tests share the two cores.
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'web',
          include: ['tests/web/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['tests/web/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup.ts'],
          // Generous: CI machines can be several times slower than a laptop.
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One browser at a time: the machine has two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
