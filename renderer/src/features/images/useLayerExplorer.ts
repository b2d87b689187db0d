import { useEffect, useRef, useState } from 'react';
import type { LayerReport, LayerTotals, PortholeError } from '../../../../contract';
import { subscribe, type Stream } from '../../api/client';

export type ExplorerState =
  | { phase: 'idle' }
  | { phase: 'running'; bytes: number; total: number }
  | { phase: 'done'; layers: LayerReport[]; totals: LayerTotals }
  | { phase: 'failed'; error: PortholeError }
  | { phase: 'cancelled' };

/**
 * One run of the layer explorer: main streams the image's save once (progress by bytes read),
 * then one event per layer and the totals. Cancel (or closing the dialog) ends the stream, which
 * aborts the engine's request.
 */
export function useLayerExplorer(engineId: string, id: string) {
  const [state, setState] = useState<ExplorerState>({ phase: 'idle' });
  const stream = useRef<Stream<'images.layers'> | undefined>(undefined);
  useEffect(() => () => stream.current?.close(), []);

  const start = () => {
    stream.current?.close();
    const layers: LayerReport[] = [];
    setState({ phase: 'running', bytes: 0, total: 0 });
    const s = subscribe(
      'images.layers',
      { engineId, id },
      (e) => {
        if (e.kind === 'progress') setState({ phase: 'running', bytes: e.bytes, total: e.total });
        else if (e.kind === 'layer') layers.push(e.layer);
        else setState({ phase: 'done', layers, totals: e.totals });
      },
      (error) => {
        if (stream.current === s) stream.current = undefined;
        if (error) setState({ phase: 'failed', error });
      },
    );
    stream.current = s;
  };
  const cancel = () => {
    stream.current?.close();
    stream.current = undefined;
    setState({ phase: 'cancelled' });
  };
  return { state, start, cancel };
}
