import { describe, expect, it } from 'vitest';
import { parseEnvFile, substitute } from '../../../../../main/engine/compose-env';

describe('substitute', () => {
  const vars = { A: 'x', EMPTY: '' };
  it.each([
    ['$A and ${A}', 'x and x'],
    ['$$A', '$A'],
    ['${B:-def}', 'def'],
    ['${EMPTY:-def}', 'def'],
    ['${EMPTY-def}', ''],
    ['${A:+alt}', 'alt'],
    ['${B:+alt}', ''],
    ['${B:-${A}}', 'x'],
    ['no vars', 'no vars'],
  ])('%s → %s', (input, out) => {
    expect(substitute(input, vars)).toEqual({ text: out });
  });

  it('records unset variables', () => {
    const missing = new Set<string>();
    expect(substitute('${B}-$C', vars, missing).text).toBe('-');
    expect([...missing]).toEqual(['B', 'C']);
  });

  it('reports required and malformed references', () => {
    expect(substitute('${B:?need B}', vars).error).toMatch(/B is missing a value: need B/);
    expect(substitute('${A', vars).error).toMatch(/Invalid interpolation/);
    expect(substitute('${1A}', vars).error).toMatch(/Invalid interpolation/);
    expect(substitute('cost $5', vars).error).toMatch(/\$\$/);
  });
});

describe('parseEnvFile', () => {
  it('reads KEY=VALUE with comments, export, quotes and inline comments', () => {
    const { vars, issues } = parseEnvFile(
      '# comment\n\nexport A=1\nB="two words"\nC=\'single $x\'\nD=plain # note\nE\r\nF="line\\nbreak"\n',
    );
    expect(issues).toEqual([]);
    expect(vars).toEqual({
      A: '1',
      B: 'two words',
      C: 'single $x',
      D: 'plain',
      E: '',
      F: 'line\nbreak',
    });
  });

  it('reports lines that are not assignments', () => {
    expect(parseEnvFile('OK=1\n= nothing\n').issues).toEqual([
      { line: 2, message: 'expected KEY=VALUE, found "= nothing"' },
    ]);
  });
});
