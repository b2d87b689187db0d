import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { calls } from '../../../contract/api';
import { describeIssues, invalidInput, PortholeError, Result } from '../../../contract/errors';

describe('describeIssues', () => {
  it('names the field paths at fault', () => {
    const result = calls['containers.remove'].input.safeParse({
      engineId: 'BAD',
      id: 'abc',
      force: 'no',
      removeVolumes: false,
    });
    expect(result.success).toBe(false);
    const text = describeIssues(result.error!);
    expect(text).toContain('engineId: engine ids are lowercase letters, digits and dashes');
    expect(text).toContain('force: ');
    expect(text).not.toContain('removeVolumes');
    expect(text.split('; ')).toHaveLength(2);
  });

  it('joins nested paths with dots', () => {
    const schema = z.object({ a: z.object({ b: z.array(z.number()) }) });
    const result = schema.safeParse({ a: { b: [1, 'x'] } });
    expect(describeIssues(result.error!)).toMatch(/^a\.b\.1: /);
  });

  it('uses the bare message for root-level issues', () => {
    const result = z.string().safeParse(5);
    expect(describeIssues(result.error!)).toBe(result.error!.issues[0]!.message);
  });

  it('reports at most five issues', () => {
    const schema = z.object(
      Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`f${i}`, z.string()])),
    );
    const result = schema.safeParse({});
    expect(result.error!.issues).toHaveLength(8);
    const parts = describeIssues(result.error!).split('; ');
    expect(parts).toHaveLength(5);
    expect(parts[0]).toMatch(/^f0: /);
  });
});

describe('invalidInput', () => {
  it('builds an INVALID_INPUT error, with a hint only when given', () => {
    expect(invalidInput('bad')).toEqual({ code: 'INVALID_INPUT', message: 'bad' });
    expect(invalidInput('bad', 'try again')).toEqual({
      code: 'INVALID_INPUT',
      message: 'bad',
      hint: 'try again',
    });
    expect('hint' in invalidInput('bad', '')).toBe(false);
  });
});

describe('PortholeError / Result', () => {
  it('PortholeError rejects unknown codes and a missing message', () => {
    expect(PortholeError.safeParse({ code: 'NOT_FOUND', message: 'x' }).success).toBe(true);
    expect(PortholeError.safeParse({ code: 'OOPS', message: 'x' }).success).toBe(false);
    expect(PortholeError.safeParse({ code: 'NOT_FOUND' }).success).toBe(false);
  });

  it('Result discriminates on ok', () => {
    const r = Result(z.number());
    expect(r.safeParse({ ok: true, value: 1 }).success).toBe(true);
    expect(r.safeParse({ ok: true, value: 'x' }).success).toBe(false);
    expect(r.safeParse({ ok: false, error: { code: 'INTERNAL', message: 'boom' } }).success).toBe(
      true,
    );
    expect(r.safeParse({ ok: false, value: 1 }).success).toBe(false);
    expect(r.safeParse({ ok: 'yes', value: 1 }).success).toBe(false);
  });
});
