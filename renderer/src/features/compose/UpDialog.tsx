import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { MAX_COMPOSE_FILE, MAX_ENV_FILE } from '../../../../contract';
import { Dialog } from '../../components/Dialog';
import { EngineField, useTargetEngine } from '../../components/EngineField';
import { Field } from '../../components/Field';
import { useEngine } from '../../engine/EngineContext';
import { parseProfiles, projectNameError } from './format';
import { LeftoverCleanup } from './LeftoverCleanup';
import { IssueList, PreviewPanel } from './PreviewPanel';
import { composeQueries } from './queries';
import { RunOutput } from './RunOutput';
import { TextFileButton } from './TextFileButton';
import { usePreview } from './usePreview';
import { useComposeRun } from './useComposeRun';

interface Props {
  onClose(): void;
}

/**
 * "Up from a compose file": paste or open a file, name the project, pick profiles and an env
 * file; the preview is parsed and checked in main as it is typed, and nothing starts before
 * "Up". Then `up -d` runs with its output and a line per service.
 */
export function UpDialog({ onClose }: Props) {
  // The current engine; in All engines the default, or the one picked in the form.
  const [engineId, setEngineId] = useTargetEngine();
  const { engines } = useEngine();
  const engineName = engines.find((e) => e.id === engineId)?.name ?? engineId;
  const cli = useQuery(composeQueries.cli());
  const [yaml, setYaml] = useState('');
  const [name, setName] = useState('');
  const [profilesText, setProfilesText] = useState('');
  const [envFile, setEnvFile] = useState('');
  const [projectDir, setProjectDir] = useState('');
  const [tried, setTried] = useState(false);
  const profiles = useMemo(() => parseProfiles(profilesText), [profilesText]);
  const preview = usePreview(yaml, envFile, profiles);
  const run = useComposeRun(engineId);
  const issuesId = useId();
  const yamlId = useId();

  const result =
    preview.status === 'ready'
      ? preview.result
      : preview.status === 'checking'
        ? preview.last
        : undefined;
  const fileName = result?.ok ? result.preview.name : null;
  // The file's own `name:` is the default, as in compose.
  const projectName = name.trim() || fileName || '';
  const nameError = tried || name ? projectNameError(projectName) : undefined;
  const yamlError =
    yaml.length > MAX_COMPOSE_FILE
      ? `At most ${MAX_COMPOSE_FILE / 1024} KiB.`
      : tried && !yaml.trim()
        ? 'Paste a compose file or open one.'
        : undefined;
  const issues = result && !result.ok ? result.issues : [];
  const ready =
    preview.status === 'ready' &&
    result?.ok === true &&
    !projectNameError(projectName) &&
    !yamlError;
  const services = result?.ok
    ? result.preview.services.filter((s) => s.active).map((s) => s.name)
    : [];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!ready || !cli.data?.available) return;
    run.start({
      op: 'up',
      spec: {
        projectName,
        yaml,
        profiles,
        ...(envFile.trim() ? { envFile } : {}),
        ...(projectDir.trim() ? { projectDir: projectDir.trim() } : {}),
      },
    });
  };

  if (run.state) {
    const over = run.state.phase !== 'running';
    return (
      <Dialog title="Up from a compose file" onCancel={onClose} wide>
        <RunOutput state={run.state} services={services} what={`Up ${projectName}`} />
        {run.state.phase === 'failed' && run.state.exit?.left && (
          <LeftoverCleanup engineId={engineId} project={projectName} left={run.state.exit.left} />
        )}
        <div className="dialog-actions">
          {over ? (
            <button type="button" className="primary" onClick={onClose}>
              Close
            </button>
          ) : (
            <button type="button" onClick={run.stop}>
              Stop
            </button>
          )}
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog title="Up from a compose file" onCancel={onClose} wide>
      <form onSubmit={submit} className="rform compose-up" noValidate>
        {cli.data && !cli.data.available && (
          <div role="alert" className="compose-cli-missing">
            <p>{cli.data.message}</p>
            <p className="hint">{cli.data.hint}</p>
          </div>
        )}
        <EngineField value={engineId} onChange={setEngineId} />
        <div className="field">
          <div className="compose-label-row">
            <label htmlFor={yamlId}>Compose file</label>
            <TextFileButton
              label="Open file…"
              accept=".yml,.yaml,application/yaml,text/yaml"
              max={MAX_COMPOSE_FILE}
              onText={setYaml}
            />
          </div>
          <textarea
            id={yamlId}
            rows={14}
            spellCheck={false}
            autoFocus
            value={yaml}
            placeholder={'services:\n  web:\n    image: nginx:1.27\n    ports: ["8080:80"]'}
            aria-invalid={issues.length > 0 || !!yamlError}
            aria-describedby={issues.length ? issuesId : undefined}
            onChange={(e) => setYaml(e.target.value)}
          />
          {yamlError && <p className="field-error">{yamlError}</p>}
          {issues.length > 0 && <IssueList id={issuesId} issues={issues} />}
        </div>
        <div className="compose-row">
          <Field
            label="Project name"
            error={nameError}
            hint={fileName && !name ? `From the file: ${fileName}` : undefined}
          >
            {(p) => (
              <input
                {...p}
                type="text"
                value={name}
                placeholder={fileName ?? 'shop'}
                onChange={(e) => setName(e.target.value)}
              />
            )}
          </Field>
          <Field label="Profiles" hint="Comma-separated; services without a profile always start.">
            {(p) => (
              <input
                {...p}
                type="text"
                value={profilesText}
                onChange={(e) => setProfilesText(e.target.value)}
              />
            )}
          </Field>
        </div>
        <Field
          label="Env file"
          hint="KEY=VALUE lines, as with --env-file. Kept in a private file for compose, never on its command line."
          error={envFile.length > MAX_ENV_FILE ? `At most ${MAX_ENV_FILE / 1024} KiB.` : undefined}
        >
          {(p) => (
            <div className="compose-env">
              <textarea
                {...p}
                rows={3}
                spellCheck={false}
                value={envFile}
                onChange={(e) => setEnvFile(e.target.value)}
              />
              <TextFileButton
                label="Open env file…"
                accept=".env,text/plain"
                max={MAX_ENV_FILE}
                onText={setEnvFile}
              />
            </div>
          )}
        </Field>
        <Field
          label="Project directory"
          hint="Optional, on this machine: where relative paths (build contexts, ./ mounts) resolve. Default: Porthole's own folder for the project."
        >
          {(p) => (
            <input
              {...p}
              type="text"
              className="mono"
              value={projectDir}
              placeholder="/home/me/shop"
              onChange={(e) => setProjectDir(e.target.value)}
            />
          )}
        </Field>
        <h3>Preview</h3>
        {preview.status === 'empty' && (
          <p className="small">Paste or open a compose file to see what it makes.</p>
        )}
        {preview.status === 'checking' && !result && (
          <p className="small" aria-live="polite">
            Checking…
          </p>
        )}
        {preview.status === 'error' && (
          <p role="alert">Could not check the file: {preview.message}</p>
        )}
        {issues.length > 0 && <p className="small">Nothing starts until the file is valid.</p>}
        {result?.ok && <PreviewPanel preview={result.preview} />}
        <div className="dialog-actions">
          <span className="small compose-target">
            on {engineName}
            {cli.data?.available ? ` with ${cli.data.command} ${cli.data.version}` : ''}
          </span>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!ready || !cli.data?.available}>
            Up
          </button>
        </div>
      </form>
    </Dialog>
  );
}
