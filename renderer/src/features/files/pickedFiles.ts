import type { UploadFile } from '../../components/byteStreams';

/** Files from an <input type=file> (a folder picker gives each its path below the folder). */
export function fromInput(list: FileList | null): UploadFile[] {
  return [...(list ?? [])].map((f) => ({ path: f.webkitRelativePath || f.name, blob: f }));
}

const readEntries = (dir: FileSystemDirectoryEntry) =>
  new Promise<FileSystemEntry[]>((resolve, reject) => {
    const reader = dir.createReader();
    const all: FileSystemEntry[] = [];
    // readEntries answers in batches (Chromium: 100) until an empty one.
    const next = () =>
      reader.readEntries((batch) => {
        if (batch.length === 0) return resolve(all);
        all.push(...batch);
        next();
      }, reject);
    next();
  });

const fileOf = (entry: FileSystemFileEntry) =>
  new Promise<File>((resolve, reject) => entry.file(resolve, reject));

/**
 * Files dropped from the desktop, folders walked so that each file keeps its path below what
 * was dropped ("photos/2024/a.jpg"). Where the browser gives no entries (a synthetic drop),
 * the plain file list.
 */
export async function fromDrop(data: DataTransfer): Promise<UploadFile[]> {
  const entries = [...data.items]
    .map((i) => (i.kind === 'file' ? i.webkitGetAsEntry() : null))
    .filter((e): e is FileSystemEntry => !!e);
  if (entries.length === 0) return fromInput(data.files);
  const out: UploadFile[] = [];
  const walk = async (entry: FileSystemEntry, prefix: string): Promise<void> => {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isFile) out.push({ path, blob: await fileOf(entry as FileSystemFileEntry) });
    else if (entry.isDirectory) {
      for (const child of await readEntries(entry as FileSystemDirectoryEntry)) {
        await walk(child, path);
      }
    }
  };
  for (const e of entries) await walk(e, '');
  return out;
}

/** What an upload is called in its progress and messages: "a.txt", "3 files". */
export function uploadWhat(files: UploadFile[]): string {
  return files.length === 1 ? (files[0]!.path ?? 'a file') : `${files.length} files`;
}
