import { useEffect, useId, useRef, useState } from 'react';
import { parseTagTarget, type PortholeError } from '../../../../contract';
import { subscribe } from '../../api/client';
import { perFrame, totalBytes, Uploader, type UploadFile } from '../../components/byteStreams';
import { Dialog } from '../../components/Dialog';
import { parseBuildArgs, uploadOrder } from './build';
import { formatBytes } from './format';

const MAX_LINES = 5000;

/**
 * Classic build: a pasted Dockerfile (plus uploaded files) or a folder on the machine Porthole
 * runs on. Uploaded files stream on the build's own stream in slices, as fast as the engine
 * takes them (never inline in one message). Output streams into a log; a failure names the
 * failing step.
 */
export function BuildDialog({ engineId, onClose }: { engineId: string; onClose(): void }) {
  const id = useId();
  const [dockerfile, setDockerfile] = useState('');
  const [folder, setFolder] = useState('');
  const [tag, setTag] = useState('');
  const [args, setArgs] = useState('');
  const [target, setTarget] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<{ tag?: string; args?: string; dockerfile?: string }>({});
  const [lines, setLines] = useState<string[]>([]);
  const [phase, setPhase] = useState<'idle' | 'running' | 'done' | 'failed'>('idle');
  const [result, setResult] = useState<string>('');
  const [failure, setFailure] = useState<PortholeError | undefined>();
  const [sent, setSent] = useState<{ bytes: number; total: number } | undefined>();
  const stop = useRef<(() => void) | undefined>(undefined);
  useEffect(() => () => stop.current?.(), []);

  const start = () => {
    const next: typeof errors = {};
    const tagCheck = tag.trim() ? parseTagTarget(tag.trim()) : undefined;
    if (tagCheck && !tagCheck.ok) next.tag = tagCheck.message;
    const parsedArgs = parseBuildArgs(args);
    if (!parsedArgs.ok) next.args = parsedArgs.message;
    const uploadsDockerfile = files.some((f) => f.name === 'Dockerfile');
    if (!dockerfile.trim() && !folder.trim() && !uploadsDockerfile)
      next.dockerfile = 'Paste a Dockerfile, add one as a file, or give a folder.';
    setErrors(next);
    if (Object.keys(next).length || !parsedArgs.ok) return;
    const useFolder = !!folder.trim();
    const uploads: UploadFile[] = useFolder
      ? []
      : uploadOrder(files).map((f) => ({ path: f.name, blob: f }));
    const total = totalBytes(uploads);
    const showSent = perFrame((bytes: number) => setSent({ bytes, total }));
    setLines([]);
    setFailure(undefined);
    setSent(uploads.length ? { bytes: 0, total } : undefined);
    setPhase('running');
    const uploader = new Uploader((msg) => stream.control(msg), showSent);
    const stream = subscribe(
      'images.build',
      {
        engineId,
        dockerfile,
        upload: uploads.length > 0,
        ...(useFolder ? { contextPath: folder.trim() } : {}),
        ...(tag.trim() ? { tag: tag.trim() } : {}),
        buildArgs: parsedArgs.args,
        ...(target.trim() ? { target: target.trim() } : {}),
      },
      (e) => {
        if (e.kind === 'written') uploader.written(e.bytes);
        else if (e.kind === 'log') setLines((l) => [...l, ...e.lines].slice(-MAX_LINES));
        else setResult(e.tag ? `${e.tag} (${e.imageId.slice(7, 19)})` : e.imageId.slice(7, 19));
      },
      (error) => {
        stop.current = undefined;
        uploader.stop();
        showSent.cancel();
        setFailure(error);
        setPhase(error ? 'failed' : 'done');
      },
    );
    stop.current = () => {
      uploader.stop();
      showSent.cancel();
      stream.close();
    };
    if (uploads.length) {
      uploader.send(uploads).catch((err: unknown) => {
        stop.current?.();
        stop.current = undefined;
        setPhase('failed');
        setFailure({ code: 'INVALID_INPUT', message: `Could not read a file: ${String(err)}` });
      });
    }
  };

  const field = (key: 'tag' | 'args' | 'dockerfile') =>
    errors[key] ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-${key}-error` } : {};
  const fieldError = (key: 'tag' | 'args' | 'dockerfile') =>
    errors[key] && (
      <p id={`${id}-${key}-error`} className="field-error">
        {errors[key]}
      </p>
    );

  return (
    <Dialog title="Build an image" onCancel={onClose} wide>
      <div className="build-form">
        <label htmlFor={`${id}-df`}>Dockerfile</label>
        <textarea
          id={`${id}-df`}
          className="mono"
          rows={6}
          spellCheck={false}
          value={dockerfile}
          placeholder={'FROM busybox\nRUN echo hello'}
          onChange={(e) => setDockerfile(e.target.value)}
          {...field('dockerfile')}
        />
        {fieldError('dockerfile')}
        <label htmlFor={`${id}-files`}>Context files (optional)</label>
        <input
          id={`${id}-files`}
          type="file"
          multiple
          onChange={(e) => setFiles([...(e.target.files ?? [])])}
        />
        <label htmlFor={`${id}-folder`}>Or a folder on this machine</label>
        <input
          id={`${id}-folder`}
          type="text"
          className="mono"
          placeholder="/home/me/project"
          value={folder}
          onChange={(e) => setFolder(e.target.value)}
        />
        <label htmlFor={`${id}-tag`}>Tag</label>
        <input
          id={`${id}-tag`}
          type="text"
          className="mono"
          placeholder="myapp:dev"
          value={tag}
          onChange={(e) => setTag(e.target.value)}
          {...field('tag')}
        />
        {fieldError('tag')}
        <label htmlFor={`${id}-args`}>Build arguments (KEY=VALUE per line)</label>
        <textarea
          id={`${id}-args`}
          className="mono"
          rows={2}
          value={args}
          onChange={(e) => setArgs(e.target.value)}
          {...field('args')}
        />
        {fieldError('args')}
        <label htmlFor={`${id}-target`}>Target stage (optional)</label>
        <input
          id={`${id}-target`}
          type="text"
          value={target}
          onChange={(e) => setTarget(e.target.value)}
        />
      </div>
      {phase !== 'idle' && (
        <pre role="log" aria-label="Build output" className="build-log" tabIndex={0}>
          {lines.join('\n')}
        </pre>
      )}
      {phase === 'running' && sent && sent.bytes < sent.total && (
        <p role="status">
          Sending the context: {formatBytes(sent.bytes)} of {formatBytes(sent.total)}
          <progress
            aria-label="Sending the build context"
            max={100}
            value={Math.round((sent.bytes / Math.max(1, sent.total)) * 100)}
          />
        </p>
      )}
      {phase === 'done' && <p role="status">Built {result}.</p>}
      {phase === 'failed' && failure && (
        <div role="alert" className="transfer-error">
          <strong>Build failed</strong>
          <p>{failure.message}</p>
          {failure.hint && <p className="hint">{failure.hint}</p>}
        </div>
      )}
      <div className="dialog-actions">
        {phase === 'running' ? (
          <button
            type="button"
            onClick={() => {
              stop.current?.();
              stop.current = undefined;
              setPhase('failed');
              setFailure({ code: 'INTERNAL', message: 'Cancelled.' });
            }}
          >
            Cancel build
          </button>
        ) : (
          <button type="button" onClick={onClose}>
            Close
          </button>
        )}
        <button type="button" disabled={phase === 'running'} onClick={start}>
          Build
        </button>
      </div>
    </Dialog>
  );
}
