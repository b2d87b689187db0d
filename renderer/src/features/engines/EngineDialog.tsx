import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { EngineInfo, EngineTestResult, EngineTls } from '../../../../contract';
import { ApiError, call } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { engineKeys } from '../../engine/queries';
import { HostKeyNotice } from './HostKeyNotice';
import { describeFacts, usesTls } from './format';

interface Props {
  /** Editing this engine; adding a new one when absent. */
  engine?: EngineInfo;
  onClose(added?: EngineInfo): void;
}

interface Form {
  name: string;
  address: string;
  ca: string;
  cert: string;
  key: string;
  dir: string;
}

function tlsOf(f: Form): EngineTls | undefined {
  const tls: EngineTls = {};
  if (f.ca.trim()) tls.ca = f.ca.trim();
  if (f.cert.trim()) tls.cert = f.cert.trim();
  if (f.key.trim()) tls.key = f.key.trim();
  if (f.dir.trim()) tls.dir = f.dir.trim();
  return Object.keys(tls).length ? tls : undefined;
}

/**
 * "Add engine" / "Edit NAME": the address, TLS files by path (main reads them; Porthole never
 * copies keys), and "Test connection", which answers with the engine's facts or its own error.
 * An unknown SSH host key shows its fingerprint and can be trusted from here.
 */
export function EngineDialog({ engine, onClose }: Props) {
  const queryClient = useQueryClient();
  const detected = !!engine && engine.source !== 'added';
  const [form, setForm] = useState<Form>(() => ({
    name: engine?.name ?? '',
    address: engine?.address ?? '',
    ca: engine?.tls?.ca ?? '',
    cert: engine?.tls?.cert ?? '',
    key: engine?.tls?.key ?? '',
    dir: '',
  }));
  const [test, setTest] = useState<EngineTestResult | undefined>();
  const [testing, setTesting] = useState(false);
  const [error, setError] = useState<ApiError | Error | undefined>();
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<Form>) => {
    setForm((f) => ({ ...f, ...patch }));
    setTest(undefined);
  };
  const tls = usesTls(form.address);
  const title = engine ? `Edit ${engine.name}` : 'Add engine';

  const runTest = async () => {
    setTesting(true);
    setError(undefined);
    try {
      const t = tlsOf(form);
      setTest(
        await call('engines.test', { address: form.address, ...(tls && t ? { tls: t } : {}) }),
      );
    } catch (err) {
      setTest(undefined);
      setError(err instanceof Error ? err : new Error(String(err)));
    } finally {
      setTesting(false);
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const t = tls ? tlsOf(form) : undefined;
      let saved: EngineInfo;
      if (engine) {
        saved = await call('engines.update', {
          engineId: engine.id,
          name: form.name,
          ...(detected ? {} : { address: form.address, tls: t ?? {} }),
        });
      } else {
        saved = await call('engines.add', {
          name: form.name,
          address: form.address,
          ...(t ? { tls: t } : {}),
        });
      }
      await queryClient.invalidateQueries({ queryKey: engineKeys.list() });
      onClose(saved);
    } catch (err) {
      setError(err instanceof Error ? err : new Error(String(err)));
    } finally {
      setBusy(false);
    }
  };

  const text = (
    key: keyof Form,
    label: string,
    opts: { hint?: string; placeholder?: string; disabled?: boolean } = {},
  ) => (
    <Field label={label} {...(opts.hint ? { hint: opts.hint } : {})}>
      {(a) => (
        <input
          {...a}
          type="text"
          className="mono"
          spellCheck={false}
          value={form[key]}
          placeholder={opts.placeholder}
          disabled={opts.disabled}
          onChange={(e) => set({ [key]: e.target.value })}
        />
      )}
    </Field>
  );

  return (
    <Dialog title={title} onCancel={() => onClose()} wide>
      <form onSubmit={(e) => void submit(e)} className="engine-form">
        {text('name', 'Name', { placeholder: 'Build server' })}
        {text('address', 'Address', {
          placeholder: 'ssh://me@build-box',
          disabled: detected,
          hint: detected
            ? 'Found on this machine: only the name can change here.'
            : 'unix:///path/docker.sock, npipe:////./pipe/docker_engine, tcp://host:2376 (TLS), ssh://user@host[:port] (uses ~/.ssh/config, ssh-agent and identity files).',
        })}
        {tls && !detected && (
          <fieldset>
            <legend>TLS</legend>
            {text('ca', 'CA certificate', { placeholder: '/path/ca.pem' })}
            {text('cert', 'Client certificate', { placeholder: '/path/cert.pem' })}
            {text('key', 'Client key', { placeholder: '/path/key.pem' })}
            {text('dir', 'Certificate folder', {
              hint: 'Or a DOCKER_CERT_PATH-style folder holding ca.pem, cert.pem and key.pem.',
            })}
          </fieldset>
        )}
        {test?.ok && (
          <p role="status" className="test-ok">
            Connected: {describeFacts(test.facts)}
          </p>
        )}
        {test && !test.ok && (
          <div role="alert" className="test-failed">
            <p>{test.error.message}</p>
            {test.error.hint && <p className="hint">{test.error.hint}</p>}
            {test.hostKey && (
              <HostKeyNotice problem={test.hostKey} onTrusted={() => void runTest()} />
            )}
          </div>
        )}
        {error && (
          <div role="alert" className="test-failed">
            <p>{error.message}</p>
            {error instanceof ApiError && error.hint && <p className="hint">{error.hint}</p>}
          </div>
        )}
        <div className="dialog-actions">
          <button
            type="button"
            onClick={() => void runTest()}
            disabled={testing || !form.address.trim()}
          >
            {testing ? 'Testing…' : 'Test connection'}
          </button>
          <button type="button" onClick={() => onClose()}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {engine ? 'Save' : 'Add'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
