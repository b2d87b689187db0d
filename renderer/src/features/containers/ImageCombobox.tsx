import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type KeyboardEvent } from 'react';
import { Field } from '../../components/Field';
import { imageKeys, imageQueries } from '../images/queries';
import { TransferPanel } from '../images/TransferPanel';
import { useTransfer } from '../images/useTransfer';
import { isLocalImage, localTags, matchTags } from './image-match';

interface Props {
  engineId: string;
  value: string;
  error: string | undefined;
  onChange(value: string): void;
  /** After a pull from here completed: the image is local now. */
  onPulled(ref: string): void;
}

/**
 * "Image": a combobox (WAI-ARIA 1.2 pattern, list autocomplete, focus stays in the input and
 * aria-activedescendant names the active option) over the engine's local tags. Any reference is
 * accepted; one the engine does not have is offered for a pull, with its progress, right here.
 */
export function ImageCombobox({ engineId, value, error, onChange, onPulled }: Props) {
  const images = useQuery(imageQueries.list(engineId));
  const queryClient = useQueryClient();
  const transfer = useTransfer(engineId);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const listId = useId();
  const missingId = useId();
  const options = matchTags(localTags(images.data ?? []), value);
  const shown = open && options.length > 0;
  const ref = value.trim();
  const missing = !!images.data && !!ref && !/\s/.test(ref) && !isLocalImage(ref, images.data);
  // A pull of this very reference, under way or over: its panel says what happens next.
  const thisPull = transfer.state?.ref === ref ? transfer.state : undefined;
  // Not while the list is open: the user is still choosing (a prefix is "missing" too).
  const offer = missing && !thisPull && !shown;

  const choose = (tag: string) => {
    onChange(tag);
    setOpen(false);
    setActive(-1);
  };
  const pull = async () => {
    if (await transfer.start('Pull', ref)) {
      await queryClient.invalidateQueries({ queryKey: imageKeys.list(engineId) });
      onPulled(ref);
    }
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    const n = options.length;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!n) return;
      if (!open) {
        setOpen(true);
        setActive(e.key === 'ArrowDown' ? 0 : n - 1);
      } else if (e.key === 'ArrowDown') setActive((active + 1) % n);
      else setActive(active <= 0 ? n - 1 : active - 1);
    } else if (e.key === 'Enter' && shown && active >= 0) {
      e.preventDefault(); // choosing is not submitting
      choose(options[active]!);
    } else if (e.key === 'Escape' && shown) {
      e.preventDefault(); // closes the list, not the dialog
      setOpen(false);
      setActive(-1);
    }
  };

  return (
    <div className="image-field">
      <Field
        label="Image"
        error={error}
        hint="A local image (↓ lists them), or any reference to pull, e.g. nginx:1.27."
      >
        {(a11y) => (
          <div className="combobox">
            <input
              {...a11y}
              aria-describedby={
                [a11y['aria-describedby'], offer ? missingId : ''].filter(Boolean).join(' ') ||
                undefined
              }
              type="text"
              role="combobox"
              aria-autocomplete="list"
              aria-expanded={shown}
              aria-controls={listId}
              aria-activedescendant={shown && active >= 0 ? `${listId}-${active}` : undefined}
              autoComplete="off"
              spellCheck={false}
              value={value}
              onChange={(e) => {
                onChange(e.target.value);
                setOpen(true);
                setActive(-1);
              }}
              onKeyDown={onKey}
              onBlur={() => setOpen(false)}
            />
            <ul id={listId} role="listbox" aria-label="Local images" hidden={!shown}>
              {options.map((tag, i) => (
                <li
                  key={tag}
                  id={`${listId}-${i}`}
                  role="option"
                  aria-selected={i === active}
                  className={i === active ? 'active' : undefined}
                  // Keep the focus in the input (the pattern's rule); a click still chooses.
                  onMouseDown={(e) => e.preventDefault()}
                  onMouseMove={() => i !== active && setActive(i)}
                  onClick={() => choose(tag)}
                >
                  {tag}
                </li>
              ))}
            </ul>
          </div>
        )}
      </Field>
      {offer && (
        <div className="image-missing">
          <p id={missingId} className="small">
            “{ref}” is not on this engine yet.
          </p>
          <button type="button" onClick={() => void pull()}>
            Pull {ref}
          </button>
        </div>
      )}
      {transfer.state && (
        <TransferPanel
          state={transfer.state}
          onCancel={transfer.cancel}
          onDismiss={transfer.dismiss}
          onRetry={transfer.retry}
        />
      )}
    </div>
  );
}
