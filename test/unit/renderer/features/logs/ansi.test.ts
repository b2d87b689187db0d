import { describe, expect, it } from 'vitest';
import { color256, parseAnsi, stripAnsi } from '../../../../../renderer/src/features/logs/ansi';

describe('parseAnsi', () => {
  it('plain lines are one unstyled segment', () => {
    expect(parseAnsi('hello')).toEqual([{ text: 'hello' }]);
  });

  it('basic, bright, 256 and true colours, bold, and reset', () => {
    expect(parseAnsi('\x1b[31mred\x1b[0m plain')).toEqual([
      { text: 'red', style: { fg: '#cd3131' } },
      { text: ' plain' },
    ]);
    expect(parseAnsi('\x1b[1;92mok\x1b[m')).toEqual([
      { text: 'ok', style: { bold: true, fg: '#23d18b' } },
    ]);
    expect(parseAnsi('\x1b[38;5;196mx')).toEqual([{ text: 'x', style: { fg: '#ff0000' } }]);
    expect(parseAnsi('\x1b[48;2;1;2;3my')).toEqual([{ text: 'y', style: { bg: '#010203' } }]);
  });

  it('styles accumulate until turned off one by one', () => {
    expect(parseAnsi('\x1b[1m\x1b[4mab\x1b[22mc\x1b[24md')).toEqual([
      { text: 'ab', style: { bold: true, underline: true } },
      { text: 'c', style: { underline: true } },
      { text: 'd' },
    ]);
  });

  it('drops cursor movement and OSC titles', () => {
    expect(parseAnsi('\x1b[2K\x1b[1Gdone\x1b]0;title\x07!')).toEqual([
      { text: 'done' },
      { text: '!' },
    ]);
  });
});

describe('stripAnsi / color256', () => {
  it('leaves the text a person reads', () => {
    expect(stripAnsi('\x1b[31mred\x1b[0m plain')).toBe('red plain');
    expect(stripAnsi('no escapes')).toBe('no escapes');
  });

  it('maps the cube and the greys', () => {
    expect(color256(16)).toBe('#000000');
    expect(color256(231)).toBe('#ffffff');
    expect(color256(232)).toBe('#080808');
    expect(color256(256)).toBeUndefined();
  });
});
