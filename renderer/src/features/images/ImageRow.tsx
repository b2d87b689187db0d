import { memo } from 'react';
import type { ImageSummary } from '../../../../contract';
import { EngineCell } from '../../components/EngineCell';
import type { Tagged } from '../../components/useEngineLists';
import { relativeTime } from '../containers/format';
import { imageRef, shortId } from './format';
import { formatBytes } from '../../format/bytes';

export type ImageVerb = 'Run' | 'Tag' | 'Push' | 'Save' | 'Inspect' | 'Remove';

type Row = Tagged<ImageSummary>;

interface Props {
  image: Row;
  /** Rows from several engines: show the Engine cell. */
  multi: boolean;
  now: number;
  busy: boolean;
  selected: boolean;
  onSelect(image: Row, selected: boolean): void;
  onAction(verb: ImageVerb, image: Row): void;
}

/** One repo:tag. Buttons are named "VERB REF" (the short id for an untagged image). */
export const ImageRow = memo(function ImageRow({
  image,
  multi,
  now,
  busy,
  selected,
  onSelect,
  onAction,
}: Props) {
  const ref = imageRef(image);
  const button = (verb: ImageVerb, disabled = false) => (
    <button
      type="button"
      className={`small-button${verb === 'Remove' ? ' danger' : ''}`}
      aria-label={`${verb} ${ref}`}
      disabled={busy || disabled}
      onClick={() => onAction(verb, image)}
    >
      {verb}
    </button>
  );
  return (
    <tr className={image.stale ? 'stale' : undefined}>
      <td>
        <input
          type="checkbox"
          aria-label={`Select ${ref}`}
          checked={selected}
          onChange={(e) => onSelect(image, e.target.checked)}
        />
      </td>
      <th scope="row" className="name mono" title={ref}>
        {/* The name opens the image's details (as Inspect does). */}
        <button type="button" className="link" onClick={() => onAction('Inspect', image)}>
          {image.repoTag ?? (
            <>
              <span className="muted">&lt;none&gt;</span> {shortId(image.id)}
            </>
          )}
        </button>
      </th>
      {multi && <EngineCell row={image} />}
      <td className="mono">{shortId(image.id)}</td>
      <td>{formatBytes(image.size)}</td>
      <td title={new Date(image.created * 1000).toLocaleString()}>
        {relativeTime(image.created, now)}
      </td>
      <td>
        {image.containers === 0
          ? 'unused'
          : `in use by ${image.containers} container${image.containers === 1 ? '' : 's'}`}
      </td>
      <td className="actions">
        {button('Run')}
        {button('Tag')}
        {button('Push', !image.repoTag)}
        {button('Save')}
        {button('Inspect')}
        {button('Remove')}
      </td>
    </tr>
  );
});
