/** While batches keep coming, renders are at least this far apart. */
const BUSY_RENDER_MS = 100;
/** Where frames do not come (a window in the background), a request runs after this long. */
const NO_FRAME_MS = 100;

/**
 * Runs `run` at the next animation frame, once however often it was asked for before then. When
 * it ran less than BUSY_RENDER_MS ago (batches keep coming: a history of a million lines, a
 * flood followed live) it waits until then: a render a frame would spend the cores on laying out
 * lines that scroll past too fast to read, time the engine needs to send them — on 2 cores the
 * engine's delivery of a long log slowed by a fifth. A line after a quiet spell still shows at
 * the next frame. `everyFrame` runs at each frame meanwhile (the acknowledgements, so the stream
 * does not wait on the renders), and everything runs after NO_FRAME_MS where frames do not
 * come.
 */
export function pacedRender(run: () => void, everyFrame: () => void, busyMs = BUSY_RENDER_MS) {
  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastRun = -Infinity;
  const cancel = () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    frame = 0;
    timer = undefined;
  };
  const fire = () => {
    cancel();
    lastRun = performance.now();
    everyFrame();
    run();
  };
  const tick = (now: number) => {
    if (now - lastRun >= busyMs) return fire();
    everyFrame();
    frame = requestAnimationFrame(tick);
  };
  return {
    request: () => {
      if (timer !== undefined) return;
      frame = requestAnimationFrame(tick);
      timer = setTimeout(fire, Math.max(NO_FRAME_MS, busyMs));
    },
    cancel,
  };
}
