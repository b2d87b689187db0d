import { describe, expect, it } from 'vitest';
import {
  ContainerSummary,
  EngineId,
  EngineInfo,
  EngineStatus,
  EngineStreamEvent,
} from '../../../contract/resources';

describe('EngineId', () => {
  it.each(['local', 'podman', 'ctx-my-remote', '0', 'a'.repeat(64)])('accepts %j', (id) => {
    expect(EngineId.safeParse(id).success).toBe(true);
  });

  it.each(['', 'Local', 'LOCAL', '-leading-dash', 'has space', 'under_score', 'a'.repeat(65)])(
    'rejects %j',
    (id) => {
      expect(EngineId.safeParse(id).success).toBe(false);
    },
  );

  it('rejects non-strings', () => {
    expect(EngineId.safeParse(1).success).toBe(false);
    expect(EngineId.safeParse(undefined).success).toBe(false);
  });
});

describe('EngineStatus / EngineInfo', () => {
  it('accepts the three states only', () => {
    for (const state of ['connecting', 'connected', 'disconnected']) {
      expect(EngineStatus.safeParse({ engineId: 'local', state }).success).toBe(true);
    }
    expect(EngineStatus.safeParse({ engineId: 'local', state: 'broken' }).success).toBe(false);
  });

  it('EngineInfo checks source', () => {
    const info = {
      id: 'local',
      name: 'Local Docker',
      source: 'default',
      endpoint: 'unix:///var/run/docker.sock',
      status: { engineId: 'local', state: 'connected', version: '27.0.1' },
    };
    expect(EngineInfo.safeParse(info).success).toBe(true);
    expect(EngineInfo.safeParse({ ...info, source: 'magic' }).success).toBe(false);
  });
});

describe('ContainerSummary', () => {
  const summary = {
    id: 'abc',
    name: 'web',
    image: 'nginx',
    command: 'nginx -g daemon off;',
    created: 1700000000,
    state: 'running',
    status: 'Up 2 minutes',
    ports: [{ privatePort: 80, publicPort: 8080, ip: '0.0.0.0', type: 'tcp' }],
    labels: { a: 'b' },
    composeProject: null,
    composeService: null,
    anonymousVolumes: 0,
  };

  it('accepts a full summary', () => {
    expect(ContainerSummary.safeParse(summary).success).toBe(true);
  });

  it('rejects non-integer ports and non-string labels', () => {
    expect(
      ContainerSummary.safeParse({ ...summary, ports: [{ privatePort: 80.5, type: 'tcp' }] })
        .success,
    ).toBe(false);
    expect(ContainerSummary.safeParse({ ...summary, labels: { a: 1 } }).success).toBe(false);
  });

  it('needs compose fields to be present (null, not missing)', () => {
    const rest: Record<string, unknown> = { ...summary };
    delete rest.composeProject;
    expect(ContainerSummary.safeParse(rest).success).toBe(false);
  });
});

describe('EngineStreamEvent', () => {
  const event = { kind: 'event', type: 'container', action: 'start', id: 'abc', timeNano: '1' };

  it('accepts events and reconcile markers', () => {
    expect(EngineStreamEvent.safeParse(event).success).toBe(true);
    expect(EngineStreamEvent.safeParse({ ...event, name: 'web' }).success).toBe(true);
    expect(EngineStreamEvent.safeParse({ kind: 'reconcile' }).success).toBe(true);
  });

  it('rejects unknown resource types and kinds', () => {
    expect(EngineStreamEvent.safeParse({ ...event, type: 'spaceship' }).success).toBe(false);
    expect(EngineStreamEvent.safeParse({ kind: 'other' }).success).toBe(false);
    expect(EngineStreamEvent.safeParse({ ...event, timeNano: 1 }).success).toBe(false);
  });
});
