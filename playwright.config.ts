import { defineConfig } from '@playwright/test';

// One id per invocation, set before workers start so they inherit it (see e2e/harness/state.ts).
process.env.PORTHOLE_E2E_RUN ??= `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

// Parallel runs in one tree (PORTHOLE_TEST_OUTPUT=test-results-x) must not wipe each other's output.
const output = process.env.PORTHOLE_TEST_OUTPUT ?? 'test-results';

export default defineConfig({
  outputDir: output,
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './e2e/global-setup.ts',
  globalTeardown: './e2e/global-teardown.ts',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  workers: 2,
  fullyParallel: true,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: `${output}/e2e.json` }]],
  use: {
    browserName: 'chromium',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
