import { memo } from 'react';
import type { ImageSummary } from '../../../../contract';
import { relativeTime } from '../containers/format';
import { formatBytes, imageRef, shortId } from './format';

export type ImageVerb = 'Run' | 'Tag' | 'Push' | 'Save' | 'Inspect' | 'Remove';

interface Props {
  image: ImageSummary;
  now: number;
  busy: boolean;
  selected: boolean;
  onSelect(image: ImageSummary, selected: boolean): void;
  onAction(verb: ImageVerb, image: ImageSummary): void;
}

/** One repo:tag. Buttons are named "VERB REF" (the short id for an untagged image). */
export const ImageRow = memo(function ImageRow({
  image,
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
    <tr>
      <td>
        <input
          type="checkbox"
          aria-label={`Select ${ref}`}
          checked={selected}
          onChange={(e) => onSelect(image, e.target.checked)}
        />
      </td>
      <th scope="row" className="name mono">
        {image.repoTag ?? (
          <>
            <span className="muted">&lt;none&gt;</span> {shortId(image.id)}
          </>
        )}
      </th>
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
