import { describe, expect, it } from 'vitest';
import {
  MAX_COLUMN_WIDTH,
  MIN_COLUMN_WIDTH,
  parseHidden,
  parseWidths,
  withWidth,
} from '../../../../renderer/src/components/tablePrefs';

describe('table prefs: stored column widths', () => {
  it('reads { columnId: px }, rounded', () => {
    expect(parseWidths('{"image":180,"ports":120.6}')).toEqual({ image: 180, ports: 121 });
  });

  it('nothing stored, or not JSON, or not an object: no widths (every column its default)', () => {
    for (const raw of [null, '', 'nope', '{', '[]', '[180]', '"x"', '42', 'null', 'true'])
      expect(parseWidths(raw), String(raw)).toEqual({});
  });

  it('drops a width that is not a finite number in range; keeps the others', () => {
    const raw = JSON.stringify({
      image: '180',
      state: null,
      ports: -5,
      stats: MIN_COLUMN_WIDTH - 1,
      created: MAX_COLUMN_WIDTH + 1,
      ok: 200,
      nested: { px: 100 },
    });
    expect(parseWidths(raw)).toEqual({ ok: 200 });
    // JSON.parse reads 1e999 as Infinity.
    expect(parseWidths('{"project":1e999,"ok":200}')).toEqual({ ok: 200 });
  });

  it('a key named like an Object property is just a column id', () => {
    expect(parseWidths('{"__proto__":100,"constructor":120}')).toEqual(
      JSON.parse('{"__proto__":100,"constructor":120}'),
    );
    expect(Object.getPrototypeOf(parseWidths('{"__proto__":100}'))).toBe(Object.prototype);
  });

  it('setting one width keeps the others, clamps to the range and survives garbage', () => {
    expect(JSON.parse(withWidth('{"image":180}', 'ports', 140))).toEqual({
      image: 180,
      ports: 140,
    });
    expect(JSON.parse(withWidth(null, 'image', 1))).toEqual({ image: MIN_COLUMN_WIDTH });
    expect(JSON.parse(withWidth('garbage', 'image', 1e9))).toEqual({ image: MAX_COLUMN_WIDTH });
    expect(JSON.parse(withWidth('{"image":180}', 'image', 195.4))).toEqual({ image: 195 });
  });
});

describe('table prefs: stored hidden columns', () => {
  it('a list of ids; anything else hides nothing', () => {
    expect(parseHidden('["ports","image"]')).toEqual(['ports', 'image']);
    expect(parseHidden('["ports",3,null]')).toEqual(['ports']);
    for (const raw of [null, '', '{', '{"a":1}', '"ports"']) expect(parseHidden(raw)).toEqual([]);
  });
});
