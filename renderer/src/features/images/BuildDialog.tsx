import { useEffect, useId, useRef, useState } from 'react';
import { parseTagTarget, type PortholeError } from '../../../../contract';
import { subscribe } from '../../api/client';
import { parseBuildArgs, toBase64 } from './build';
import { Dialog } from '../../components/Dialog';

const MAX_LINES = 5000;

/**
 * Classic build: a pasted Dockerfile (plus uploaded files) or a folder on the machine Porthole
 * runs on. Output streams into a log; a failure names the failing step.
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
  const stop = useRef<(() => void) | undefined>(undefined);
  useEffect(() => () => stop.current?.(), []);

  const start = async () => {
    const next: typeof errors = {};
    const tagCheck = tag.trim() ? parseTagTarget(tag.trim()) : undefined;
    if (tagCheck && !tagCheck.ok) next.tag = tagCheck.message;
    const parsedArgs = parseBuildArgs(args);
    if (!parsedArgs.ok) next.args = parsedArgs.message;
    if (!dockerfile.trim() && !folder.trim())
      next.dockerfile = 'Paste a Dockerfile or give a folder.';
    setErrors(next);
    if (Object.keys(next).length || !parsedArgs.ok) return;
    const uploads = await Promise.all(
      files.map(async (f) => ({
        path: f.name,
        data: toBase64(new Uint8Array(await f.arrayBuffer())),
      })),
    );
    setLines([]);
    setFailure(undefined);
    setPhase('running');
    stop.current = subscribe(
      'images.build',
      {
        engineId,
        dockerfile,
        files: uploads,
        ...(folder.trim() ? { contextPath: folder.trim() } : {}),
        ...(tag.trim() ? { tag: tag.trim() } : {}),
        buildArgs: parsedArgs.args,
        ...(target.trim() ? { target: target.trim() } : {}),
      },
      (e) => {
        if (e.kind === 'log') setLines((l) => [...l, ...e.lines].slice(-MAX_LINES));
        else setResult(e.tag ? `${e.tag} (${e.imageId.slice(7, 19)})` : e.imageId.slice(7, 19));
      },
      (error) => {
        stop.current = undefined;
        setFailure(error);
        setPhase(error ? 'failed' : 'done');
      },
    );
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
        <button type="button" disabled={phase === 'running'} onClick={() => void start()}>
          Build
        </button>
      </div>
    </Dialog>
  );
}
