export interface SearchOptions {
  query: string;
  regex: boolean;
  caseSensitive: boolean;
}

export type Matcher =
  | { ok: true; active: false }
  | {
      ok: true;
      active: true;
      test(line: string): boolean;
      ranges(line: string): [number, number][];
    }
  | { ok: false; error: string };

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Builds the search: plain text or a regular expression; an invalid one says why. */
export function buildMatcher(o: SearchOptions): Matcher {
  if (!o.query) return { ok: true, active: false };
  let re: RegExp;
  try {
    re = new RegExp(o.regex ? o.query : escape(o.query), o.caseSensitive ? 'g' : 'gi');
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  const single = new RegExp(re.source, re.flags.replace('g', ''));
  return {
    ok: true,
    active: true,
    test: (line) => single.test(line),
    ranges(line) {
      const out: [number, number][] = [];
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(line)) && out.length < 1000) {
        // An empty match (e.g. /x*/) would loop forever; step past it and show nothing.
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        out.push([m.index, m.index + m[0].length]);
      }
      return out;
    },
  };
}

export interface Piece<S> {
  text: string;
  style?: S | undefined;
  mark: boolean;
}

/** Cuts styled segments at match boundaries so matches can be wrapped in <mark>. */
export function highlight<S>(
  segments: { text: string; style?: S | undefined }[],
  ranges: [number, number][],
): Piece<S>[] {
  const out: Piece<S>[] = [];
  let pos = 0;
  let r = 0;
  for (const seg of segments) {
    let offset = 0;
    while (offset < seg.text.length) {
      const abs = pos + offset;
      while (r < ranges.length && ranges[r]![1] <= abs) r++;
      const range = ranges[r];
      const inMatch = !!range && range[0] <= abs;
      const limit = range ? (inMatch ? range[1] : range[0]) : Infinity;
      const end = Math.min(seg.text.length, limit - pos);
      out.push({ text: seg.text.slice(offset, end), style: seg.style, mark: inMatch });
      offset = end;
    }
    pos += seg.text.length;
  }
  return out;
}
