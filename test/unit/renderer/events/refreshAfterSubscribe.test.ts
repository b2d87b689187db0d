import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { ContainerSummary } from '../../../../contract';
import { invalidationsFor } from '../../../../renderer/src/events/invalidation';
import { refreshAfterSubscribe } from '../../../../renderer/src/events/refreshAfterSubscribe';
import { containerKeys } from '../../../../renderer/src/features/containers/queries';

const row = (name: string) => ({ id: name, name }) as unknown as ContainerSummary;
const ticks = async (n = 10) => {
  for (let i = 0; i < n; i++) await new Promise((r) => setTimeout(r, 0));
};

/** A page's cache with the Containers screen watching engine "e"'s list; each fetch waits. */
function setup() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } });
  const answers: ((rows: ContainerSummary[]) => void)[] = [];
  const signals: AbortSignal[] = [];
  const queryKey = containerKeys.list('e');
  const watch = () =>
    new QueryObserver(queryClient, {
      queryKey,
      queryFn: ({ signal }) => {
        signals.push(signal);
        return new Promise<ContainerSummary[]>((resolve) => answers.push(resolve));
      },
    }).subscribe(() => undefined);
  // What the events hub does when it subscribes to engine "e".
  const subscribed = () =>
    refreshAfterSubscribe(queryClient, invalidationsFor('e', [{ kind: 'reconcile' }]));
  const list = () => queryClient.getQueryData<ContainerSummary[]>(queryKey)?.map((c) => c.name);
  return { queryClient, answers, signals, watch, subscribed, list };
}

describe('an engine’s cached lists when its events subscription starts', () => {
  it('a list in flight before the subscription is asked once more after it lands', async () => {
    const t = setup();
    t.watch();
    expect(t.answers).toHaveLength(1); // the page's first list, on the wire
    t.subscribed();
    await ticks();
    expect(t.answers).toHaveLength(1); // not cancelled for another
    t.answers[0]!([row('before')]);
    await ticks();
    expect(t.list()).toEqual(['before']);
    expect(t.signals[0]!.aborted).toBe(false);
    expect(t.answers).toHaveLength(2); // asked again, after the subscription
    t.answers[1]!([row('before'), row('made-meanwhile')]);
    await ticks();
    expect(t.list()).toEqual(['before', 'made-meanwhile']);
  });

  it('a list cached while another engine was in view is asked again', async () => {
    const t = setup();
    t.queryClient.setQueryData(containerKeys.list('e'), [row('old')]);
    t.watch();
    expect(t.answers).toHaveLength(0); // fresh forever: nothing else would ask
    t.subscribed();
    await ticks();
    expect(t.answers).toHaveLength(1);
  });

  it('no list asked yet: nothing to ask again', async () => {
    const t = setup();
    t.subscribed();
    await ticks();
    t.watch();
    await ticks();
    expect(t.answers).toHaveLength(1); // only the screen's own
  });
});
