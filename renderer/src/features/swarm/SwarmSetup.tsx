import { useState } from 'react';
import { call } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { useSwarmAction } from './useSwarmAction';

/** "This engine is not in a swarm": Initialise swarm or Join swarm. */
export function SwarmSetup({ engineId, error }: { engineId: string; error?: string | undefined }) {
  const [open, setOpen] = useState<'init' | 'join'>();
  return (
    <section className="empty-state swarm-empty" aria-labelledby="no-swarm-heading">
      <h2 id="no-swarm-heading">This engine is not in a swarm</h2>
      <p>
        Swarm mode is Docker&apos;s own orchestrator, built into the engine: services with replicas
        spread over several machines, rolling updates, secrets. Make this engine the first manager
        of a new swarm, or join one that exists.
      </p>
      {error && <p role="alert">The engine says: {error}</p>}
      <div className="toolbar">
        <button type="button" className="primary" onClick={() => setOpen('init')}>
          Initialise swarm
        </button>
        <button type="button" onClick={() => setOpen('join')}>
          Join swarm
        </button>
      </div>
      {open === 'init' && <InitDialog engineId={engineId} onClose={() => setOpen(undefined)} />}
      {open === 'join' && <JoinDialog engineId={engineId} onClose={() => setOpen(undefined)} />}
    </section>
  );
}

function InitDialog({ engineId, onClose }: { engineId: string; onClose(): void }) {
  const [advertise, setAdvertise] = useState('127.0.0.1');
  const [listen, setListen] = useState('0.0.0.0:2377');
  const init = useSwarmAction(
    engineId,
    () => 'initialise the swarm',
    () =>
      call('swarm.init', {
        engineId,
        advertiseAddr: advertise.trim(),
        ...(listen.trim() ? { listenAddr: listen.trim() } : {}),
      }),
    onClose,
  );
  return (
    <Dialog title="Initialise swarm" onCancel={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          init.mutate(undefined);
        }}
      >
        <Field
          label="Advertise address"
          hint="The address other nodes reach this manager at. 127.0.0.1 keeps a one-machine swarm to itself; give the machine's LAN address (or interface, e.g. eth0) to add nodes."
          error={advertise.trim() ? undefined : 'Give an address.'}
        >
          {(p) => <input {...p} value={advertise} onChange={(e) => setAdvertise(e.target.value)} />}
        </Field>
        <Field
          label="Listen address"
          hint="Where the manager takes swarm traffic (port 2377 unless another engine here uses it)."
        >
          {(p) => <input {...p} value={listen} onChange={(e) => setListen(e.target.value)} />}
        </Field>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={init.isPending || !advertise.trim()}>
            Initialise
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function JoinDialog({ engineId, onClose }: { engineId: string; onClose(): void }) {
  const [remote, setRemote] = useState('');
  const [token, setToken] = useState('');
  const [advertise, setAdvertise] = useState('');
  const [listen, setListen] = useState('');
  const [availability, setAvailability] = useState<'active' | 'pause' | 'drain'>('active');
  const join = useSwarmAction(
    engineId,
    () => 'join the swarm',
    () =>
      call('swarm.join', {
        engineId,
        remoteAddr: remote.trim(),
        token: token.trim(),
        ...(advertise.trim() ? { advertiseAddr: advertise.trim() } : {}),
        ...(listen.trim() ? { listenAddr: listen.trim() } : {}),
        ...(availability !== 'active' ? { availability } : {}),
      }),
    onClose,
  );
  const tokenError =
    token && !/^SWMTKN-1-/.test(token.trim()) ? 'A join token starts with SWMTKN-1-.' : undefined;
  return (
    <Dialog title="Join swarm" onCancel={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          join.mutate(undefined);
        }}
      >
        <Field label="Manager address" hint="host:port of a manager, e.g. 192.168.1.10:2377">
          {(p) => <input {...p} value={remote} onChange={(e) => setRemote(e.target.value)} />}
        </Field>
        <Field label="Join token" error={tokenError} hint="From “Copy worker token” on a manager">
          {(p) => (
            <input
              {...p}
              type="password"
              autoComplete="off"
              value={token}
              onChange={(e) => setToken(e.target.value)}
            />
          )}
        </Field>
        <Field label="Advertise address (optional)">
          {(p) => <input {...p} value={advertise} onChange={(e) => setAdvertise(e.target.value)} />}
        </Field>
        <Field label="Listen address (optional)" hint="Default 0.0.0.0:2377">
          {(p) => <input {...p} value={listen} onChange={(e) => setListen(e.target.value)} />}
        </Field>
        <Field label="Availability" hint="Drain: no tasks are placed on this node until activated">
          {(p) => (
            <select
              {...p}
              value={availability}
              onChange={(e) => setAvailability(e.target.value as 'active')}
            >
              <option value="active">active</option>
              <option value="pause">pause</option>
              <option value="drain">drain</option>
            </select>
          )}
        </Field>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            className="primary"
            disabled={join.isPending || !remote.trim() || !token.trim() || !!tokenError}
          >
            Join
          </button>
        </div>
      </form>
    </Dialog>
  );
}
