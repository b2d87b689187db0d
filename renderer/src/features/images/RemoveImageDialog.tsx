import { useState } from 'react';
import type { ImageSummary } from '../../../../contract';
import { imageRef, shortId } from './format';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { formatBytes } from '../../format/bytes';

interface Props {
  image: ImageSummary;
  /** The image's other repo:tags: with any, removing this one only untags. */
  others: string[];
  onConfirm(force: boolean): void;
  onCancel(): void;
}

/** Says whether this untags or deletes, and what is lost. */
export function RemoveImageDialog({ image, others, onConfirm, onCancel }: Props) {
  const [force, setForce] = useState(false);
  const ref = imageRef(image);
  const untagOnly = !!image.repoTag && others.length > 0;
  return (
    <ConfirmDialog verb="Remove" name={ref} onCancel={onCancel} onConfirm={() => onConfirm(force)}>
      {untagOnly ? (
        <p>
          Only the tag <strong className="mono">{ref}</strong> is removed. The image{' '}
          <span className="mono">{shortId(image.id)}</span> stays, still tagged{' '}
          <span className="mono">{others.join(', ')}</span>.
        </p>
      ) : (
        <p>
          The image <strong className="mono">{ref}</strong> ({formatBytes(image.size)}) and its
          layers that no other image uses are deleted. Pull or build it again to get it back.
        </p>
      )}
      {image.containers > 0 && (
        <p>
          {image.containers} container{image.containers === 1 ? ' was' : 's were'} created from it:
          the engine refuses unless you force it, and never while one is running.
        </p>
      )}
      <label className="check">
        <input type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} />
        Force (remove even if stopped containers use it, and every tag of it)
      </label>
    </ConfirmDialog>
  );
}
