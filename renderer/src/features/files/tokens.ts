/**
 * Highlighted text, compact enough to cross from the worker for free: the file's own text plus
 * span events — `ops` holds triples [OPEN, class index, text offset] and [CLOSE, 0, offset] —
 * in a transferable Int32Array, with the distinct class strings once.
 */
export interface Highlighted {
  classes: string[];
  ops: Int32Array;
}
export const OPEN = 1;
export const CLOSE = 2;

/** A tree of the same, for tests and small uses: text, or a span with its classes around more. */
export type Token = string | { classes: string; children: Token[] };

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#x27;': "'",
  '&#39;': "'",
};

// What highlight.js emits: <span class="hljs-x language-y">, </span>, escaped text. Anything
// else is not understood and the caller shows plain text.
const PIECE = /<span class="([\w\- ]{1,100})">|<\/span>|([^<&]+)|(&(?:amp|lt|gt|quot|#x27|#39);)/y;

/**
 * highlight.js's HTML as span events over `text`, or undefined when it is not exactly the text
 * (then the preview stays plain): every piece of text in the HTML is checked against the file's
 * own characters, and only the file's text is ever shown — as text nodes, never as markup.
 */
export function encodeHighlighted(html: string, text: string): Highlighted | undefined {
  const classes: string[] = [];
  const classIndex = new Map<string, number>();
  const ops: number[] = [];
  let depth = 0;
  let offset = 0;
  let at = 0;
  while (at < html.length) {
    PIECE.lastIndex = at;
    const m = PIECE.exec(html);
    if (!m) return undefined;
    at = PIECE.lastIndex;
    if (m[1] !== undefined) {
      let i = classIndex.get(m[1]);
      if (i === undefined) classIndex.set(m[1], (i = classes.push(m[1]) - 1));
      ops.push(OPEN, i, offset);
      depth++;
    } else if (m[0] === '</span>') {
      if (depth-- === 0) return undefined;
      ops.push(CLOSE, 0, offset);
    } else {
      const piece = m[2] ?? ENTITIES[m[3]!]!;
      if (!text.startsWith(piece, offset)) return undefined;
      offset += piece.length;
    }
  }
  if (depth !== 0 || offset !== text.length) return undefined;
  return { classes, ops: Int32Array.from(ops) };
}

/** The events as a tree. */
export function toTokens({ classes, ops }: Highlighted, text: string): Token[] {
  const root: Token[] = [];
  const stack: Token[][] = [root];
  let offset = 0;
  const flush = (to: number) => {
    if (to > offset) stack[stack.length - 1]!.push(text.slice(offset, to));
    offset = to;
  };
  for (let i = 0; i < ops.length; i += 3) {
    flush(ops[i + 2]!);
    if (ops[i] === OPEN) {
      const span = { classes: classes[ops[i + 1]!]!, children: [] };
      stack[stack.length - 1]!.push(span);
      stack.push(span.children);
    } else stack.pop();
  }
  flush(text.length);
  return root;
}

/** The text a token tree holds. */
export const tokenText = (tokens: Token[]): string =>
  tokens.map((t) => (typeof t === 'string' ? t : tokenText(t.children))).join('');
