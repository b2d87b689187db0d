import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
  cutOffError,
  fail,
  isNotModified,
  PortholeFailure,
  toPortholeError,
} from '../../../../main/engine/errors';

describe('toPortholeError: engine HTTP errors', () => {
  it('maps 404 to NOT_FOUND with the engine message', () => {
    expect(toPortholeError({ statusCode: 404, json: { message: 'No such container: x' } })).toEqual(
      { code: 'NOT_FOUND', message: 'No such container: x' },
    );
  });

  it('maps 409 to CONFLICT', () => {
    const err = toPortholeError({
      statusCode: 409,
      json: { message: 'You cannot remove a running container abc' },
    });
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toBe('You cannot remove a running container abc');
  });

  it('maps 401 to AUTH_REQUIRED with a hint', () => {
    const err = toPortholeError({ statusCode: 401, json: { message: 'unauthorized' } });
    expect(err.code).toBe('AUTH_REQUIRED');
    expect(err.message).toBe('unauthorized');
    expect(err.hint).toMatch(/log in/i);
  });

  it('maps 400 to INVALID_INPUT', () => {
    expect(toPortholeError({ statusCode: 400, json: { message: 'bad parameter' } })).toEqual({
      code: 'INVALID_INPUT',
      message: 'bad parameter',
    });
  });

  it('maps 403 to FORBIDDEN', () => {
    expect(toPortholeError({ statusCode: 403, json: { message: 'nope' } }).code).toBe('FORBIDDEN');
  });

  it('maps other statuses to INTERNAL mentioning the status', () => {
    const err = toPortholeError({ statusCode: 500, json: { message: 'driver failed' } });
    expect(err.code).toBe('INTERNAL');
    expect(err.message).toContain('500');
    expect(err.message).toContain('driver failed');
    expect(err.hint).toBeUndefined();
  });

  it('uses a string json body, trimmed', () => {
    expect(toPortholeError({ statusCode: 404, json: '  page not found\n' })).toEqual({
      code: 'NOT_FOUND',
      message: 'page not found',
    });
  });

  it('strips the "(HTTP code N)" prefix from message when there is no json', () => {
    expect(
      toPortholeError({
        statusCode: 404,
        json: null,
        message: '(HTTP code 404) no such container - No such container: x ',
      }),
    ).toEqual({ code: 'NOT_FOUND', message: 'no such container - No such container: x ' });
  });

  it('falls back to the message when json has no message field', () => {
    expect(
      toPortholeError({ statusCode: 409, json: {}, message: '(HTTP code 409) conflict' }),
    ).toEqual({ code: 'CONFLICT', message: 'conflict' });
  });

  it('says "Unknown error" when there is nothing to say', () => {
    expect(toPortholeError({ statusCode: 404 })).toEqual({
      code: 'NOT_FOUND',
      message: 'Unknown error',
    });
  });
});

describe('toPortholeError: socket errors', () => {
  it.each(['ECONNREFUSED', 'ENOENT', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE'])(
    'maps %s to ENGINE_UNREACHABLE with a hint to start the engine',
    (code) => {
      const err = toPortholeError(Object.assign(new Error(`connect ${code} /x.sock`), { code }));
      expect(err.code).toBe('ENGINE_UNREACHABLE');
      expect(err.message).toContain(code);
      expect(err.hint).toMatch(/start docker/i);
    },
  );

  it('gives a permission hint for EACCES on the engine socket', () => {
    const err = toPortholeError({
      code: 'EACCES',
      syscall: 'connect',
      address: '/var/run/docker.sock',
    });
    expect(err.code).toBe('ENGINE_UNREACHABLE');
    expect(err.hint).toMatch(/permission/i);
  });

  it('does not treat other error codes as unreachable', () => {
    const err = toPortholeError({ code: 'ERR_SOMETHING', message: 'weird' });
    expect(err).toEqual({ code: 'INTERNAL', message: 'weird' });
  });
});

describe('toPortholeError: file errors are not the engine', () => {
  it('a missing engine socket is ENGINE_UNREACHABLE (connect ENOENT)', () => {
    const err = toPortholeError({
      code: 'ENOENT',
      errno: -2,
      syscall: 'connect',
      address: '/var/run/docker.sock',
    });
    expect(err.code).toBe('ENGINE_UNREACHABLE');
  });

  it('a missing build folder says which path, and nothing about the docker group', async () => {
    const err = toPortholeError(await readFile('/no/such/build/folder/Dockerfile').catch((e) => e));
    expect(err.code).toBe('NOT_FOUND');
    expect(err.message).toContain('/no/such/build/folder/Dockerfile');
    expect(`${err.message} ${err.hint}`).not.toMatch(/docker group|engine/i);
  });

  it('a settings write refused (EACCES, EROFS) is FORBIDDEN naming the path', () => {
    for (const code of ['EACCES', 'EPERM', 'EROFS']) {
      const err = toPortholeError(
        Object.assign(new Error(`${code}: open '/data/settings.json'`), {
          code,
          syscall: 'open',
          path: '/data/settings.json',
        }),
      );
      expect(err.code).toBe('FORBIDDEN');
      expect(err.message).toContain('/data/settings.json');
      expect(`${err.message} ${err.hint}`).not.toMatch(/docker group/i);
    }
  });
});

describe('toPortholeError: other throws', () => {
  it('passes PortholeFailure through unchanged', () => {
    const detail = {
      code: 'PULL_FAILED',
      message: 'no such image',
      hint: 'check the tag',
    } as const;
    expect(toPortholeError(new PortholeFailure(detail))).toBe(detail);
  });

  it('fail() throws a PortholeFailure carrying the error', () => {
    let caught: unknown;
    try {
      fail('CONFLICT', 'busy', 'wait');
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(PortholeFailure);
    expect(toPortholeError(caught)).toEqual({ code: 'CONFLICT', message: 'busy', hint: 'wait' });
    expect((caught as Error).message).toBe('busy');
  });

  it('fail() without a hint leaves hint out', () => {
    expect(() => fail('NOT_FOUND', 'gone')).toThrow(PortholeFailure);
    try {
      fail('NOT_FOUND', 'gone');
    } catch (err) {
      expect('hint' in toPortholeError(err)).toBe(false);
    }
  });

  it('maps non-objects to INTERNAL', () => {
    expect(toPortholeError('boom')).toEqual({ code: 'INTERNAL', message: 'boom' });
    expect(toPortholeError(42)).toEqual({ code: 'INTERNAL', message: '42' });
    expect(toPortholeError(undefined)).toEqual({ code: 'INTERNAL', message: 'Unknown error' });
    expect(toPortholeError(null)).toEqual({ code: 'INTERNAL', message: 'Unknown error' });
  });

  it('maps a plain Error to INTERNAL with its message and no stack', () => {
    const err = toPortholeError(new Error('kaput'));
    expect(err).toEqual({ code: 'INTERNAL', message: 'kaput' });
  });
});

describe('isNotModified', () => {
  it('is true only for status 304', () => {
    expect(isNotModified({ statusCode: 304 })).toBe(true);
    expect(isNotModified({ statusCode: 404 })).toBe(false);
    expect(isNotModified(new Error('x'))).toBe(false);
    expect(isNotModified(null)).toBe(false);
    expect(isNotModified(304)).toBe(false);
  });
});

describe('cutOffError', () => {
  it('says a stream that broke off stopped mid-way, and what to retry', () => {
    const aborted = Object.assign(new Error('aborted'), { code: 'ECONNRESET' });
    expect(cutOffError(aborted, 'pull')).toEqual({
      code: 'ENGINE_UNREACHABLE',
      message: 'The engine stopped answering in the middle of the pull (ECONNRESET).',
      hint: 'Nothing more arrived. When the engine is back (Porthole reconnects by itself), retry the pull.',
    });
    expect(cutOffError(undefined, 'build').message).toBe(
      'The engine stopped answering in the middle of the build.',
    );
  });

  it('leaves other errors to the usual mapping', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED'), {
      code: 'ECONNREFUSED',
      syscall: 'connect',
      address: '/x.sock',
    });
    expect(cutOffError(refused, 'pull').code).toBe('ENGINE_UNREACHABLE');
    expect(cutOffError(refused, 'pull').message).toMatch(/^Cannot reach/);
    expect(cutOffError({ statusCode: 404, json: { message: 'no such image' } }, 'pull')).toEqual({
      code: 'NOT_FOUND',
      message: 'no such image',
    });
  });
});
