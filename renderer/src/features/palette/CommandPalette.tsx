import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { Dialog } from '../../components/Dialog';
import { useEngineLists } from '../../components/useEngineLists';
import { useDensity } from '../../components/tablePrefs';
import { useEngine } from '../../engine/EngineContext';
import { SCREENS } from '../../screens';
import { containerQueries } from '../containers/queries';
import { useContainerAction } from '../containers/useContainerAction';
import { imageQueries } from '../images/queries';
import { openWindow } from '../logs/WindowButtons';
import { buildCommands, type Command } from './commands';
import { rank } from './fuzzy';
import { requestPull } from './intents';
import { readRecent, rememberRecent } from './recent';
import './palette.css';

const SHOWN = 60;

function goTo(hash: string) {
  location.hash = hash;
}

interface Props {
  onClose(): void;
  onShowShortcuts(): void;
}

/**
 * Ctrl/Cmd+K: every action on every resource by name, fuzzy matched, recent first. Each
 * command runs through the same hooks the screens use (container mutations, the Images
 * screen's pull, the engine switcher) — never a second way to the engine.
 */
export function CommandPalette({ onClose, onShowShortcuts }: Props) {
  const { engines, current, select, all } = useEngine();
  const containers = useEngineLists(containerQueries.list);
  const images = useEngineLists(imageQueries.list);
  const { mutate } = useContainerAction();
  const [, setDensity] = useDensity();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [recent] = useState(readRecent);
  const listId = useId();

  const commands = useMemo(
    () =>
      buildCommands(
        {
          screens: SCREENS.filter((s) => !s.hidden),
          containers: containers.data ?? [],
          images: images.data ?? [],
          engines,
          currentEngineId: all ? 'all' : current?.id,
          multi: containers.multi,
          query,
        },
        {
          go: (path) => goTo(`#/${path}`),
          container: (container, a) => mutate({ container, action: a }),
          openWindow: (kind, c) => openWindow(kind, c.engineId, c.id),
          openContainer: (c) => goTo(`#/containers/${c.engineId}/${c.id}`),
          pull: (ref, engineId) => {
            if (engineId && engineId !== current?.id && !all) select(engineId);
            goTo('#/images');
            requestPull(ref);
          },
          switchEngine: select,
          showShortcuts: onShowShortcuts,
          setDensity,
        },
      ),
    [containers, images, engines, current, all, query, mutate, select, onShowShortcuts, setDensity],
  );
  const ranked = useMemo(
    () => rank(commands, query, recent).slice(0, SHOWN),
    [commands, query, recent],
  );
  const at = Math.min(active, Math.max(0, ranked.length - 1));
  const optionId = (i: number) => `${listId}-${i}`;

  const runCommand = (c: Command | undefined) => {
    if (!c) return;
    rememberRecent(c.id);
    onClose();
    c.run();
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const n = ranked.length;
      if (n) setActive((at + (e.key === 'ArrowDown' ? 1 : -1) + n) % n);
    } else if (e.key === 'Home' && e.ctrlKey) setActive(0);
    else if (e.key === 'Enter') {
      e.preventDefault();
      runCommand(ranked[at]);
    }
  };

  return (
    <Dialog title="Command palette" onCancel={onClose} className="palette">
      <input
        type="text"
        role="combobox"
        aria-label="Command"
        aria-expanded={ranked.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={ranked.length ? optionId(at) : undefined}
        placeholder="Type a command: stop web, logs db, go to volumes, pull nginx:1.27…"
        autoFocus
        spellCheck={false}
        autoCapitalize="off"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKey}
      />
      <ul id={listId} role="listbox" aria-label="Commands" className="palette-list">
        {ranked.map((c, i) => (
          <li
            key={c.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === at}
            aria-keyshortcuts={c.shortcut}
            className={i === at ? 'active' : undefined}
            onMouseMove={() => i !== at && setActive(i)}
            onClick={() => runCommand(c)}
          >
            <span>{c.label}</span>
            {c.shortcut && <kbd aria-hidden="true">{c.shortcut}</kbd>}
          </li>
        ))}
      </ul>
      {ranked.length === 0 && <p className="small">No command matches “{query}”.</p>}
      <p className="small palette-help" aria-hidden="true">
        ↑↓ to choose · Enter to run · Esc to close
      </p>
    </Dialog>
  );
}
