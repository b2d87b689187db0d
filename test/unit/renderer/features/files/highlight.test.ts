import { describe, expect, it } from 'vitest';
import { highlightText } from '../../../../../renderer/src/features/files/highlight';
import { languageFor } from '../../../../../renderer/src/features/files/language';
import {
  encodeHighlighted,
  tokenText,
  toTokens,
  type Token,
} from '../../../../../renderer/src/features/files/tokens';

const highlightTokens = (text: string, language: Parameters<typeof highlightText>[1]) => {
  const h = highlightText(text, language);
  return h && toTokens(h, text);
};
const parseHighlighted = (html: string, text: string) => {
  const h = encodeHighlighted(html, text);
  return h && toTokens(h, text);
};

/** Every span's classes, depth first. */
const classesOf = (tokens: Token[]): string[] =>
  tokens.flatMap((t) => (typeof t === 'string' ? [] : [t.classes, ...classesOf(t.children)]));

describe('languageFor', () => {
  it.each([
    ['/etc/app/config.json', '', 'json'],
    ['/srv/compose.yml', '', 'yaml'],
    ['/app/Dockerfile', '', 'dockerfile'],
    ['/app/Dockerfile.dev', '', 'dockerfile'],
    ['/etc/nginx/nginx.conf', '', 'nginx'],
    ['/etc/nginx/conf.d/site.conf', '', 'nginx'],
    ['/etc/my.cnf', '', 'ini'],
    ['/app/pyproject.toml', '', 'ini'],
    ['/app/main.go', '', 'go'],
    ['/app/index.ts', '', 'typescript'],
    ['/app/README.md', '', 'markdown'],
    ['/usr/local/bin/start', '#!/bin/sh\necho hi', 'bash'],
    ['/usr/local/bin/run', '#!/usr/bin/env -S python3 -u\n', 'python'],
    ['/usr/local/bin/srv', '#!/usr/bin/env node\n', 'javascript'],
    ['/etc/hostname', 'web-1\n', undefined],
    ['/bin/thing', '#!/usr/bin/perl\n', undefined],
  ])('%s → %s', (path, text, language) => {
    expect(languageFor(path, text)).toBe(language);
  });
});

describe('highlightTokens', () => {
  it('keeps the exact text and marks strings and keywords', () => {
    const text = '{"name": "web", "port": 8080, "on": true}\n';
    const tokens = highlightTokens(text, 'json')!;
    expect(tokenText(tokens)).toBe(text);
    expect(tokens).toContainEqual({ classes: 'hljs-string', children: ['"web"'] });
    expect(tokens).toContainEqual({ classes: 'hljs-number', children: ['8080'] });
  });

  it('never turns file content into markup: an HTML file stays its text', () => {
    const text = '<img src=x onerror=alert(1)>&amp; "\'</span><span class="x">\n';
    const tokens = highlightTokens(text, 'xml')!;
    expect(tokenText(tokens)).toBe(text);
    // Only highlight.js's own classes: the file's class="x" is text.
    for (const c of classesOf(tokens)) expect(c).toMatch(/^(hljs-[\w-]+|language-\w+| )*$/);
  });

  it('a shell script with quotes and variables', () => {
    const text = '#!/bin/sh\nset -eu\necho "hello $USER" > /tmp/out\n';
    const tokens = highlightTokens(text, 'bash')!;
    expect(tokenText(tokens)).toBe(text);
    expect(classesOf(tokens)).toContain('hljs-string');
  });
});

describe('parseHighlighted', () => {
  it('refuses what highlight.js never emits', () => {
    expect(parseHighlighted('<img src=x>', '<img src=x>')).toBeUndefined();
    expect(parseHighlighted('<span class="a">x', 'x')).toBeUndefined();
    expect(parseHighlighted('a&nbsp;b', 'a b')).toBeUndefined();
    // Not the file's text: refused, the preview stays plain.
    expect(parseHighlighted('abc', 'abd')).toBeUndefined();
  });
  it('unescapes entities into text', () => {
    expect(
      parseHighlighted(
        '<span class="hljs-tag">&lt;<span class="hljs-name">a</span>&gt;</span> &amp;',
        '<a> &',
      ),
    ).toEqual([
      { classes: 'hljs-tag', children: ['<', { classes: 'hljs-name', children: ['a'] }, '>'] },
      ' &',
    ]);
  });
});
