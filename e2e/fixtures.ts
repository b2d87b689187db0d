import { test as base, expect, type Page } from '@playwright/test';
import { openApp } from './harness/app';
import { cli as engineCli } from './harness/engine';
import { loadState, type SuiteState } from './harness/state';

export interface Fixtures {
  suite: SuiteState;
  /** The docker CLI on the suite's private engine: the oracle. */
  docker: (...args: string[]) => string;
  /** A unique resource name for this test; everything named with it is removed afterwards. */
  uniqueName: (label: string) => string;
  /** The app, already past the token exchange, on the Containers screen. */
  app: Page;
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  suite: async ({}, use) => use(loadState()),
  docker: async ({ suite }, use) => {
    const env = { ...process.env, DOCKER_CONFIG: suite.dockerConfig };
    await use((...args: string[]) => engineCli(suite.engine, args, env));
  },
  uniqueName: async ({ suite, docker }, use, testInfo) => {
    const prefix = `pt-${suite.runId}-${testInfo.workerIndex}${testInfo.repeatEachIndex}-${Date.now().toString(36)}`;
    await use((label) => `${prefix}-${label}`);
    // Hygiene: remove this test's containers even when it failed.
    const ids = docker('ps', '-aq', '--filter', `name=${prefix}`).split('\n').filter(Boolean);
    if (ids.length) docker('rm', '-f', '-v', ...ids);
    // …and its volumes and networks (after the containers that held them).
    const volumes = docker('volume', 'ls', '-q', '--filter', `name=${prefix}`).split('\n');
    if (volumes.some(Boolean)) docker('volume', 'rm', '-f', ...volumes.filter(Boolean));
    const networks = docker('network', 'ls', '-q', '--filter', `name=${prefix}`).split('\n');
    if (networks.some(Boolean)) docker('network', 'rm', ...networks.filter(Boolean));
  },
  app: async ({ page, suite }, use) => {
    // An answer or event that fails the contract (a bound of contract/limits.ts too small for
    // real engine data, say) is reported on the console by the renderer: none may be.
    const drift: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && m.text().includes('did not match the contract'))
        drift.push(m.text());
    });
    await openApp(page, suite.app, '#/containers');
    await expect(page.getByRole('status')).toContainText('Connected');
    await use(page);
    expect(drift, 'answers or events that failed the contract').toEqual([]);
  },
});

export { expect };
