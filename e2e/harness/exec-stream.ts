import type { RawClient } from './web-client';

/** A raw client's view of one exec stream: its output (the last 4 KiB, as text), its cost, its exit code. */
export function watchStream(client: RawClient, id: number) {
  const seen = { text: '', cost: 0, binary: true, costIsLength: true, exit: undefined as unknown };
  const decoder = new TextDecoder();
  client.onFrame((m) => {
    if (m.t !== 'event' || m.id !== id) return;
    const e = m.event as { kind: string; data?: unknown; code?: number | null };
    if (e.kind === 'exit') seen.exit = e.code;
    if (e.kind !== 'data') return;
    // Output comes as binary frames: the bytes themselves, costing their length in credit.
    if (!(e.data instanceof Uint8Array)) return void (seen.binary = false);
    if (m.n !== e.data.byteLength) seen.costIsLength = false;
    seen.cost += e.data.byteLength;
    seen.text = (seen.text + decoder.decode(e.data, { stream: true })).slice(-4096);
  });
  return seen;
}

/** Opens stream `id` as `yes` in container `name` (a terminal that never stops printing) and watches it. */
export function watchYes(client: RawClient, id: number, name: string) {
  const seen = watchStream(client, id);
  client.send({
    t: 'sub',
    id,
    name: 'exec.session',
    input: { engineId: 'env', id: name, cmd: ['yes'], cols: 80, rows: 24 },
  });
  return seen;
}
