/**
 * The app's one stylesheet, fetched again if it did not arrive. Chromium aborts requests in
 * flight when the machine's network changes (ERR_NETWORK_CHANGED: a container's veth coming
 * or going is enough); module scripts are fetched again by their import, a <link> is not, and
 * the window stayed unstyled. styles.css sets --porthole-styles; without it, the link is added
 * again with a query that defeats the failed entry, up to 3 times.
 */
export function ensureStyles(doc: Document = document, attempt = 1): void {
  const applied = () =>
    getComputedStyle(doc.documentElement).getPropertyValue('--porthole-styles').trim() === '1';
  if (applied() || attempt > 3) return;
  const link = doc.querySelector<HTMLLinkElement>('link[rel="stylesheet"][href*="assets/"]');
  if (!link) return; // the dev server injects styles itself
  const again = doc.createElement('link');
  again.rel = 'stylesheet';
  again.href = `${link.href.split('?')[0]}?retry=${attempt}`;
  again.addEventListener('error', () =>
    setTimeout(() => ensureStyles(doc, attempt + 1), 250 * attempt),
  );
  doc.head.append(again);
}
