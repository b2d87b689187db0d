// When a Containers table with all its rows is first painted, told by the page itself.
import type { Page } from 'playwright-core';
import { pageSays } from './common';

const TAG = 'porthole-bench rows painted at ';

/**
 * Watches every document `page` loads from now on for a Containers table announcing at least
 * `count` rows with some rendered; `next()` (called before the navigation) resolves with that
 * page's clock (ms since its navigation began) read by a timer from the animation frame that
 * found them, so after that frame's paint.
 *
 * The watch is an init script and its answer a console message, so the bench runs nothing of
 * its own in the page while the app starts. Playwright's `waitForFunction` evaluates its
 * injected script in the page first: a trace of a cold load showed 6.8 ms of it on the page's
 * thread at ~55 ms, between the engine list's answer and the container list's request, counted
 * as the app's (until 2026-12-04).
 */
export async function watchRowsPainted(page: Page, count: number) {
  await page.addInitScript((n: number) => {
    const tag = 'porthole-bench rows painted at ';
    const look = () => {
      const table = document.querySelector('table[aria-label="Containers"]');
      const rows = table?.querySelectorAll('tbody th[scope="row"]').length ?? 0;
      const total = Number(table?.getAttribute('aria-rowcount') ?? rows + 1) - 1;
      if (rows > 0 && total >= n) {
        setTimeout(() => console.log(tag + String(performance.now())), 0);
      } else requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  }, count);
  return {
    next: async (timeoutMs = 60_000) => {
      const text = await pageSays(
        page,
        (t) => t.startsWith(TAG),
        `a Containers table with ${count} rows`,
        timeoutMs,
      );
      return Number(text.slice(TAG.length));
    },
  };
}
