import { describe, expect, it } from 'vitest';
import { calls, isCallName, isStreamName, streams } from '../../../contract/api';

const fullRemove = () => ({ engineId: 'local', id: 'abc', force: true, removeVolumes: false });

describe('calls', () => {
  const remove = calls['containers.remove'].input;

  it('containers.remove accepts a full input', () => {
    expect(remove.parse(fullRemove())).toEqual(fullRemove());
  });

  it.each(['engineId', 'id', 'force', 'removeVolumes'])(
    'containers.remove requires %s',
    (field) => {
      const input: Record<string, unknown> = fullRemove();
      delete input[field];
      const result = remove.safeParse(input);
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(field);
    },
  );

  it('containers.remove rejects unknown keys (still strict after extend)', () => {
    expect(remove.safeParse({ ...fullRemove(), extra: 1 }).success).toBe(false);
  });

  it('containers.remove rejects a non-boolean force', () => {
    expect(remove.safeParse({ ...fullRemove(), force: 'yes' }).success).toBe(false);
    expect(remove.safeParse({ ...fullRemove(), removeVolumes: 1 }).success).toBe(false);
  });

  it('container refs reject an empty id and an invalid engine id', () => {
    const start = calls['containers.start'].input;
    expect(start.safeParse({ engineId: 'local', id: 'abc' }).success).toBe(true);
    expect(start.safeParse({ engineId: 'local', id: '' }).success).toBe(false);
    expect(start.safeParse({ engineId: 'local', id: 'x'.repeat(257) }).success).toBe(false);
    expect(start.safeParse({ engineId: 'Local', id: 'abc' }).success).toBe(false);
    expect(start.safeParse({ id: 'abc' }).success).toBe(false);
  });

  it('containers.list takes at most 50 hex ids, for one event batch', () => {
    const list = calls['containers.list'].input;
    const id = 'a'.repeat(64);
    expect(list.safeParse({ engineId: 'local', ids: [id] }).success).toBe(true);
    expect(list.safeParse({ engineId: 'local', ids: [] }).success).toBe(false);
    expect(list.safeParse({ engineId: 'local', ids: ['web-1'] }).success).toBe(false);
    expect(list.safeParse({ engineId: 'local', ids: Array(51).fill(id) }).success).toBe(false);
  });

  it('strict objects reject unknown keys', () => {
    expect(calls['engines.list'].input.safeParse({}).success).toBe(true);
    expect(calls['engines.list'].input.safeParse({ x: 1 }).success).toBe(false);
    expect(
      calls['containers.list'].input.safeParse({ engineId: 'local', admin: true }).success,
    ).toBe(false);
    expect(streams['engine.events'].input.safeParse({ engineId: 'local', x: 1 }).success).toBe(
      false,
    );
  });

  it('lifecycle outputs are null', () => {
    expect(calls['containers.stop'].output.safeParse(null).success).toBe(true);
    expect(calls['containers.stop'].output.safeParse(undefined).success).toBe(false);
  });
});

describe('isCallName / isStreamName', () => {
  it('accepts the contract names', () => {
    for (const name of Object.keys(calls)) expect(isCallName(name)).toBe(true);
    for (const name of Object.keys(streams)) expect(isStreamName(name)).toBe(true);
  });

  it('does not confuse calls and streams', () => {
    expect(isCallName('engine.events')).toBe(false);
    expect(isStreamName('containers.list')).toBe(false);
  });

  it.each(['toString', '__proto__', 'constructor', 'hasOwnProperty', 'valueOf', ''])(
    'rejects prototype or empty name %j',
    (name) => {
      expect(isCallName(name)).toBe(false);
      expect(isStreamName(name)).toBe(false);
    },
  );

  it('rejects non-strings', () => {
    expect(isCallName(undefined)).toBe(false);
    expect(isCallName(42)).toBe(false);
    expect(isStreamName({ toString: () => 'engines.status' })).toBe(false);
  });
});
