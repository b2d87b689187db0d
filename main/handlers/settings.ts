import type { settingsCalls } from '../../contract';
import type { HandlersFor } from '../router';
import type { HandlerContext } from './context';

export function settingsHandlers({ settings }: HandlerContext): HandlersFor<typeof settingsCalls> {
  return {
    'settings.get': async () => settings.current(),
    'settings.set': (i) => settings.set(i),
  };
}
