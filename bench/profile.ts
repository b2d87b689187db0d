// Shared by bench/logs.ts and bench/exec.ts: a readable summary of a Chromium CPU profile.

export interface Profile {
  profile: {
    nodes: {
      id: number;
      callFrame: {
        functionName: string;
        url: string;
        lineNumber: number;
        columnNumber: number;
      };
    }[];
    samples: number[];
    timeDeltas: number[];
  };
}

/** BENCH_PROFILE=1: where the renderer spent its time, top functions by self time. */
export function printProfile({ profile }: Profile) {
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) =>
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)),
  );
  const byName = new Map<string, number>();
  for (const n of profile.nodes) {
    const f = n.callFrame;
    // Line and column: a bundle's anonymous functions share lines.
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}:${f.columnNumber}`;
    byName.set(key, (byName.get(key) ?? 0) + (self.get(n.id) ?? 0));
  }
  const top = [...byName].sort((a, b) => b[1] - a[1]).slice(0, 15);
  for (const [k, us] of top) console.log(`${(us / 1000).toFixed(0).padStart(7)} ms  ${k}`);
}
