import { describe, expect, it } from 'vitest';
import { EMPTY_RUN_SPEC } from '../../../../../contract';
import {
  recreateActions,
  recreateNote,
  type SavedContainer,
} from '../../../../../renderer/src/features/containers/undoRemove';

const saved = (name: string): SavedContainer => ({
  engineId: 'local',
  name,
  spec: { ...EMPTY_RUN_SPEC, image: 'busybox', name },
});

describe('Recreate after a remove', () => {
  it('one button per container, each recreating only its own', () => {
    const ran: string[][] = [];
    const actions = recreateActions([saved('web-1'), saved('db')], (l) =>
      ran.push(l.map((s) => s.name)),
    );
    expect(actions.map((a) => a.label)).toEqual(['Recreate web-1', 'Recreate db']);
    actions[1]!.run();
    expect(ran).toEqual([['db']]);
  });

  it('many at once: one button for all of them', () => {
    const ran: number[] = [];
    const list = ['a', 'b', 'c', 'd'].map(saved);
    const actions = recreateActions(list, (l) => ran.push(l.length));
    expect(actions.map((a) => a.label)).toEqual(['Recreate all 4']);
    actions[0]!.run();
    expect(ran).toEqual([4]);
  });

  it('never claims the data comes back', () => {
    expect(recreateNote(1, false)).toBe(
      'Recreate makes a new container from its settings, not started; its files are not restored.',
    );
    expect(recreateNote(2, true)).toMatch(
      /their files are not restored and the removed anonymous volumes are gone/,
    );
  });
});
