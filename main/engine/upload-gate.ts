/** Where an upload's bytes go: a request body, a tar entry (Node or streamx writables). */
export interface UploadTarget {
  write(chunk: Uint8Array): boolean;
  once(event: 'drain' | 'finish', listener: () => void): unknown;
  off(event: 'drain' | 'finish', listener: () => void): unknown;
}

/**
 * Answers an upload's chunks with their size, in order, each once its target took it: at once
 * when write() said there is room, otherwise at the target's next 'drain' (or its 'finish', as
 * a stream being ended drains no more). The client keeps a bounded window of unanswered bytes,
 * so what main buffers for an upload is bounded too.
 */
export class WrittenGate {
  private tail: Promise<void> = Promise.resolve();
  /** One wait per full target, shared by every chunk written while it is full. */
  private waiting: { target: UploadTarget; ready: Promise<void> } | undefined;

  constructor(private readonly send: (bytes: number) => void) {}

  write(target: UploadTarget, data: Uint8Array): void {
    this.after(target.write(data) ? undefined : this.room(target), data.byteLength);
  }

  /** A chunk nothing needed (a file the .dockerignore drops): answered in its turn. */
  skip(bytes: number): void {
    this.after(undefined, bytes);
  }

  private room(target: UploadTarget): Promise<void> {
    if (this.waiting?.target === target) return this.waiting.ready;
    const ready = new Promise<void>((resolve) => {
      const done = () => {
        target.off('drain', done);
        target.off('finish', done);
        if (this.waiting?.ready === ready) this.waiting = undefined;
        resolve();
      };
      target.once('drain', done);
      target.once('finish', done);
    });
    this.waiting = { target, ready };
    return ready;
  }

  private after(ready: Promise<void> | undefined, bytes: number) {
    this.tail = this.tail.then(() => ready).then(() => this.send(bytes));
  }
}
