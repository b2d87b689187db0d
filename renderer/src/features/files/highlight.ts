// The highlighter itself, run in highlight.worker.ts (its own chunk, started on first use),
// so neither the first screen nor the Files tab carries it and the page never waits on it.
import hljs from 'highlight.js/lib/core';
import bash from 'highlight.js/lib/languages/bash';
import dockerfile from 'highlight.js/lib/languages/dockerfile';
import go from 'highlight.js/lib/languages/go';
import ini from 'highlight.js/lib/languages/ini';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import markdown from 'highlight.js/lib/languages/markdown';
import nginx from 'highlight.js/lib/languages/nginx';
import python from 'highlight.js/lib/languages/python';
import sql from 'highlight.js/lib/languages/sql';
import typescript from 'highlight.js/lib/languages/typescript';
import xml from 'highlight.js/lib/languages/xml';
import yaml from 'highlight.js/lib/languages/yaml';
import type { Language } from './language';
import { encodeHighlighted, type Highlighted } from './tokens';

const LANGUAGES: Record<Language, typeof bash> = {
  bash,
  dockerfile,
  go,
  ini,
  javascript,
  json,
  markdown,
  nginx,
  python,
  sql,
  typescript,
  xml,
  yaml,
};
for (const [name, def] of Object.entries(LANGUAGES)) hljs.registerLanguage(name, def);

/**
 * The text's highlight as span events over it. highlight.js escapes the text it emits; its HTML
 * is then read back into offsets into the file's own text (encodeHighlighted), which the page
 * shows as text nodes, never as markup, so a file's content cannot become elements.
 */
export function highlightText(text: string, language: Language): Highlighted | undefined {
  const html = hljs.highlight(text, { language, ignoreIllegals: true }).value;
  return encodeHighlighted(html, text);
}
