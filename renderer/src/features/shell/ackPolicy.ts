/** Acknowledge at once past this many bytes (keeps the engine streaming under `yes`)… */
export const ACK_NOW_BYTES = 8 * 1024;
/** …otherwise within this long (a keystroke's echo costs one small ack, not one per byte). */
export const ACK_DELAY_MS = 20;

/**
 * Gathers the bytes xterm has finished writing and acknowledges them in a few acks. Every byte
 * is acknowledged eventually (the timer), so main's low watermark is always reached again.
 */
export class AckBatcher {
  private pending = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly send: (bytes: number) => void) {}

  written(bytes: number): void {
    this.pending += bytes;
    if (this.pending >= ACK_NOW_BYTES) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), ACK_DELAY_MS);
  }

  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending > 0) this.send(this.pending);
    this.pending = 0;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}

/** "ls -la /tmp" → ["ls", "-la", "/tmp"]; quotes group words ('a b' or "a b"). */
export function splitCommand(line: string): string[] {
  const out: string[] = [];
  const re = /"([^"]*)"|'([^']*)'|(\S+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line))) out.push(m[1] ?? m[2] ?? m[3]!);
  return out;
}
