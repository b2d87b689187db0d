import { useState } from 'react';
import type { HostKeyProblem } from '../../../../contract';
import { call } from '../../api/client';

/**
 * An SSH host key that stopped a connection. Unknown: its fingerprint and a "Trust" button that
 * writes exactly that key to known_hosts. Changed or revoked: a warning, and no way around it.
 */
export function HostKeyNotice({
  problem,
  onTrusted,
}: {
  problem: HostKeyProblem;
  onTrusted(): void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const where = problem.port === 22 ? problem.host : `${problem.host}:${problem.port}`;
  if (problem.state !== 'unknown') {
    return (
      <p className="host-key host-key--changed">
        <strong>Warning:</strong> the host key of {where} is now{' '}
        <code>
          {problem.keyType} {problem.fingerprint}
        </code>
        . This is what a man-in-the-middle attack looks like; Porthole will not connect.
      </p>
    );
  }
  const trust = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await call('engines.trustHostKey', {
        host: problem.host,
        port: problem.port,
        fingerprint: problem.fingerprint,
      });
      onTrusted();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="host-key">
      <p>
        Host key fingerprint of {where}:{' '}
        <code aria-label="Host key fingerprint">{problem.fingerprint}</code> ({problem.keyType})
      </p>
      <button type="button" onClick={() => void trust()} disabled={busy}>
        Trust host key of {where}
      </button>
      {error && <p className="field-error">{error}</p>}
    </div>
  );
}
