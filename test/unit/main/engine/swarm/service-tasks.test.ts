import { describe, expect, it } from 'vitest';
import {
  mapTask,
  shortImage,
  taskHealth,
  type RawTask,
} from '../../../../../main/engine/service-tasks';

const IMAGE = 'test/busybox:latest@sha256:' + 'ab12'.repeat(16);

let seq = 0;
/** A /tasks entry as the engine gives it; CreatedAt orders the tasks of a slot. */
function task(over: Partial<Omit<RawTask, 'Status'>> & { Status?: Partial<RawTask['Status']> }) {
  seq += 1;
  const { Status, ...rest } = over;
  return {
    ID: `task${seq}`,
    ServiceID: 'svc1',
    Slot: 1,
    NodeID: 'node1',
    DesiredState: 'running',
    CreatedAt: `2026-12-02T03:00:${String(seq).padStart(2, '0')}.5Z`,
    UpdatedAt: `2026-12-02T03:00:${String(seq).padStart(2, '0')}.6Z`,
    Spec: { ContainerSpec: { Image: IMAGE } },
    ...rest,
    Status: { State: 'running', Message: 'started', ...Status },
  } as RawTask;
}

const NO_IMAGE = 'No such image: 127.0.0.1:1/nope:latest';
/** How the engine records a task that could not start: rejected, then a new one for the slot. */
const rejected = (slot = 1) =>
  task({
    Slot: slot,
    DesiredState: 'shutdown',
    Status: { State: 'rejected', Message: 'preparing', Err: NO_IMAGE },
  });

describe('taskHealth: the row\'s "N task(s) failing: why"', () => {
  it('every slot running: nothing failing', () => {
    expect(taskHealth([task({ Slot: 1 }), task({ Slot: 2 })])).toEqual({ running: 2, failing: 0 });
  });

  it("a slot whose image is missing: 1 failing, with the engine's words", () => {
    const tasks = [rejected(), rejected(), task({ Status: { State: 'preparing', Message: '' } })];
    expect(taskHealth(tasks)).toEqual({ running: 0, failing: 1, error: NO_IMAGE });
  });

  it('the newest task of the slot may still be "ready" (assigned, not started): still failing', () => {
    const tasks = [rejected(), task({ DesiredState: 'ready', Status: { State: 'assigned' } })];
    expect(taskHealth(tasks)).toMatchObject({ failing: 1, error: NO_IMAGE });
  });

  it('order of the list does not matter: the newest task by CreatedAt decides', () => {
    const failing = [rejected(), rejected(), task({ Status: { State: 'pending' } })];
    expect(taskHealth([...failing].reverse())).toEqual(taskHealth(failing));
    expect(taskHealth([...failing].reverse())).toMatchObject({ failing: 1 });
    const recovered = [rejected(), task({})];
    expect(taskHealth([...recovered].reverse())).toEqual({ running: 1, failing: 0 });
  });

  it('a slot that failed once and now runs again is not failing', () => {
    expect(taskHealth([rejected(), task({})])).toEqual({ running: 1, failing: 0 });
  });

  it('a slot still starting, with no failure, is neither running nor failing', () => {
    expect(taskHealth([task({ Status: { State: 'preparing' } })])).toEqual({
      running: 0,
      failing: 0,
    });
  });

  it('slots scaled away (newest desired shutdown) are not failing, whatever their past', () => {
    const gone = task({ Slot: 3, DesiredState: 'shutdown', Status: { State: 'shutdown' } });
    const old = { ...rejected(3), CreatedAt: '2026-12-02T02:00:00Z' };
    expect(taskHealth([task({ Slot: 1 }), gone, old])).toEqual({ running: 1, failing: 0 });
  });

  it('counts slots, not tasks, and names the first failure', () => {
    const tasks = [
      rejected(1),
      rejected(1),
      task({ Slot: 1, Status: { State: 'pending' } }),
      task({
        Slot: 2,
        DesiredState: 'shutdown',
        Status: { State: 'failed', Err: 'task: non-zero exit (1)' },
      }),
      task({ Slot: 2, Status: { State: 'starting' } }),
      task({ Slot: 3 }),
    ];
    expect(taskHealth(tasks)).toEqual({ running: 1, failing: 2, error: NO_IMAGE });
  });

  it('a failed task without Err: its message, else its state', () => {
    const noErr = task({ DesiredState: 'shutdown', Status: { State: 'failed', Message: 'oom' } });
    expect(taskHealth([noErr, task({ Status: { State: 'pending' } })]).error).toBe('oom');
    const bare = {
      ...task({ DesiredState: 'shutdown' }),
      Status: { State: 'orphaned' },
    } as RawTask;
    expect(taskHealth([bare, task({ Status: { State: 'pending' } })]).error).toBe('orphaned');
  });

  it('global services: one slot per node (tasks have no Slot)', () => {
    const tasks = [
      task({ Slot: undefined, NodeID: 'a' }),
      task({
        Slot: undefined,
        NodeID: 'b',
        DesiredState: 'shutdown',
        Status: { State: 'rejected', Err: 'no space' },
      }),
      task({ Slot: undefined, NodeID: 'b', Status: { State: 'pending' } }),
    ];
    expect(taskHealth(tasks)).toEqual({ running: 1, failing: 1, error: 'no space' });
  });

  it('no tasks at all: zero of each', () => {
    expect(taskHealth([])).toEqual({ running: 0, failing: 0 });
  });
});

describe('mapTask: a /tasks entry → the Tasks table row', () => {
  const services = new Map([['svc1', 'web']]);
  const nodes = new Map([['node1', 'host-a']]);

  it('names its service and node, drops the image digest, keeps the container id', () => {
    const t = task({
      Status: {
        State: 'running',
        Message: 'started',
        Timestamp: '2026-12-02T03:01:00.123456789Z',
        ContainerStatus: { ContainerID: 'c0ffee' },
      },
    });
    expect(mapTask(t, services, nodes)).toEqual({
      id: t.ID,
      serviceId: 'svc1',
      serviceName: 'web',
      slot: 1,
      nodeId: 'node1',
      nodeName: 'host-a',
      desired: 'running',
      state: 'running',
      message: 'started',
      image: 'test/busybox:latest',
      containerId: 'c0ffee',
      updatedAt: '2026-12-02T03:01:00.123456789Z',
    });
  });

  it('an unassigned task has no node; unknown ids fall back to short ids', () => {
    const t = task({
      ServiceID: 'f'.repeat(25),
      NodeID: undefined,
      Slot: undefined,
      Status: { State: 'pending', Err: 'no suitable node' },
    });
    const row = mapTask(t, services, nodes);
    expect(row).toMatchObject({
      serviceName: 'f'.repeat(12),
      nodeId: '',
      nodeName: '',
      error: 'no suitable node',
      updatedAt: t.UpdatedAt,
    });
    expect(row).not.toHaveProperty('slot');
    expect(row).not.toHaveProperty('containerId');
    expect(mapTask(task({ NodeID: 'z'.repeat(25) }), services, nodes).nodeName).toBe(
      'z'.repeat(12),
    );
  });
});

describe('shortImage', () => {
  it('drops only a trailing @sha256 digest', () => {
    expect(shortImage(IMAGE)).toBe('test/busybox:latest');
    expect(shortImage('nginx:1.27')).toBe('nginx:1.27');
    expect(shortImage('')).toBe('');
  });
});
