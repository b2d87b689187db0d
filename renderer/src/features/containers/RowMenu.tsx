import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ContainerSummary } from '../../../../contract';

export type MenuVerb = 'Pause' | 'Unpause' | 'Kill' | 'Rename' | 'Inspect' | 'Recreate';

/** Which menu actions make sense in the container's current state. Pure. */
export function menuEnabled(c: ContainerSummary): Record<MenuVerb, boolean> {
  const live = c.state === 'running' || c.state === 'restarting';
  return {
    Pause: c.state === 'running',
    Unpause: c.state === 'paused',
    // The engine refuses to kill a paused container; unpause first.
    Kill: live,
    Rename: c.state !== 'removing' && c.state !== 'dead',
    Inspect: true,
    Recreate: c.state !== 'removing',
  };
}

const VERBS: MenuVerb[] = ['Inspect', 'Pause', 'Unpause', 'Kill', 'Rename', 'Recreate'];

interface Props {
  container: ContainerSummary;
  disabled: boolean;
  onAction(verb: MenuVerb, c: ContainerSummary): void;
}

/** "More actions for NAME": a menu of "VERB NAME" items; impossible ones are disabled. */
export function RowMenu({ container: c, disabled, onAction }: Props) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const enabled = menuEnabled(c);

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]:not(:disabled)')?.focus();
    const onDown = (e: MouseEvent) => {
      if (!menu.current?.contains(e.target as Node) && e.target !== button.current) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const onKey = (e: KeyboardEvent) => {
    const items = [
      ...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not(:disabled)') ?? []),
    ];
    const at = items.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = (at + (e.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length;
      items[next]?.focus();
    } else if (e.key === 'Tab') setOpen(false);
  };

  return (
    <span className="row-menu">
      <button
        ref={button}
        type="button"
        className="icon-button"
        aria-label={`More actions for ${c.name}`}
        title={`More actions for ${c.name}`}
        aria-haspopup="menu"
        aria-expanded={open}
        disabled={disabled}
        onClick={() => setOpen((o) => !o)}
      >
        ⋯
      </button>
      {open && (
        <div
          ref={menu}
          role="menu"
          aria-label={`Actions for ${c.name}`}
          className="menu"
          onKeyDown={onKey}
        >
          {VERBS.map((verb) => (
            <button
              key={verb}
              type="button"
              role="menuitem"
              disabled={!enabled[verb]}
              onClick={() => {
                setOpen(false);
                onAction(verb, c);
              }}
            >
              {verb} {c.name}
            </button>
          ))}
        </div>
      )}
    </span>
  );
}
