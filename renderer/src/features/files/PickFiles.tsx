import type { RefObject } from 'react';
import type { UploadFile } from '../../components/byteStreams';
import { fromInput } from './pickedFiles';

/**
 * The hidden file input behind "Upload files" / "Upload folder": its button clicks it; what is
 * picked goes to `onPick`, and the input is cleared so that the same file can be picked again.
 */
export function PickFiles({
  inputRef,
  folder = false,
  onPick,
}: {
  inputRef: RefObject<HTMLInputElement | null>;
  folder?: boolean;
  onPick(files: UploadFile[]): void;
}) {
  return (
    <input
      ref={inputRef}
      type="file"
      hidden
      multiple={!folder}
      aria-label={folder ? 'Folder to upload' : 'Files to upload'}
      {...(folder ? { webkitdirectory: '' } : {})}
      onChange={(e) => {
        onPick(fromInput(e.target.files));
        e.target.value = '';
      }}
    />
  );
}
