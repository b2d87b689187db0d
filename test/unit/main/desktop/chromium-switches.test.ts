import { describe, expect, it } from 'vitest';
import {
  DISABLED_FEATURES,
  disableChromiumFeatures,
  type CommandLine,
} from '../../../../main/desktop/chromium-switches';

/** A stand-in for app.commandLine: appendSwitch replaces the value, as Chromium's does. */
function commandLine(start: Record<string, string> = {}) {
  const switches = new Map(Object.entries(start));
  const cl: CommandLine = {
    getSwitchValue: (name) => switches.get(name) ?? '',
    appendSwitch: (name, value = '') => void switches.set(name, value),
  };
  return { cl, switches };
}

describe('disableChromiumFeatures', () => {
  it('turns off input-deferred tasks (the shell echo waited a frame for them)', () => {
    const { cl, switches } = commandLine();
    disableChromiumFeatures(cl);
    expect(switches.get('disable-features')).toBe('DeferRendererTasksAfterInput');
    expect(DISABLED_FEATURES).toContain('DeferRendererTasksAfterInput');
  });

  it("keeps the user's own --disable-features and names each feature once", () => {
    const { cl, switches } = commandLine({
      'disable-features': 'Foo, DeferRendererTasksAfterInput,Bar',
    });
    disableChromiumFeatures(cl);
    expect(switches.get('disable-features')).toBe('Foo,DeferRendererTasksAfterInput,Bar');
    disableChromiumFeatures(cl, ['Baz']);
    expect(switches.get('disable-features')).toBe('Foo,DeferRendererTasksAfterInput,Bar,Baz');
  });
});
