import { useState } from 'react';
import type { SwarmRole, SwarmState } from '../../../../contract';
import { call } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useShowError } from '../../components/Toasts';
import { useSwarmAction } from './useSwarmAction';

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** The cluster's facts and join tokens (masked but for their last 4 characters; fetched only to copy). */
export function ClusterFacts({ engineId, swarm }: { engineId: string; swarm: SwarmState }) {
  const c = swarm.cluster;
  return (
    <section aria-labelledby="cluster-heading">
      <h2 id="cluster-heading">Cluster</h2>
      <dl className="swarm-facts">
        <dt>Cluster ID</dt>
        <dd className="mono">{c?.id ?? '—'}</dd>
        <dt>This node</dt>
        <dd className="mono">
          {swarm.nodeId} ({swarm.isManager ? 'manager' : 'worker'}, {swarm.nodeAddr})
        </dd>
        <dt>Managers</dt>
        <dd>{swarm.managers}</dd>
        <dt>Nodes</dt>
        <dd>{swarm.nodes}</dd>
        {c && (
          <>
            <dt>Raft</dt>
            <dd>
              snapshot every {c.raft.snapshotInterval.toLocaleString()} entries, election tick{' '}
              {c.raft.electionTick}, heartbeat tick {c.raft.heartbeatTick}, keeps{' '}
              {c.raft.keepOldSnapshots} old snapshots
            </dd>
            <dt>Created</dt>
            <dd>{new Date(c.createdAt).toLocaleString()}</dd>
            <dt>Join tokens</dt>
            <dd>
              <Token engineId={engineId} role="worker" end={c.tokenEnds.worker} />
              <Token engineId={engineId} role="manager" end={c.tokenEnds.manager} />
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}

function Token({ engineId, role, end }: { engineId: string; role: SwarmRole; end: string }) {
  const showError = useShowError();
  const [copied, setCopied] = useState(false);
  const [confirm, setConfirm] = useState(false);
  const rotate = useSwarmAction(
    engineId,
    () => `rotate the ${role} token`,
    () => call('swarm.rotateToken', { engineId, role }),
    () => setConfirm(false),
  );
  const copy = async () => {
    try {
      const { token } = await call('swarm.joinToken', { engineId, role });
      await navigator.clipboard.writeText(token);
      setCopied(true);
    } catch (err) {
      showError(`Could not copy the ${role} token`, err);
    }
  };
  return (
    <div className="swarm-token">
      <span className="mono" aria-label={`${role} token (hidden)`}>
        {role}: SWMTKN-1-••••••••{end}
      </span>
      <button type="button" className="small-button" onClick={() => void copy()}>
        Copy {role} token
      </button>
      <button type="button" className="small-button" onClick={() => setConfirm(true)}>
        Rotate {role} token
      </button>
      {copied && (
        <span role="status" className="small">
          Copied
        </span>
      )}
      {confirm && (
        <ConfirmDialog
          verb="Rotate"
          name={`the ${role} token`}
          disabled={rotate.isPending}
          onConfirm={() => rotate.mutate(undefined)}
          onCancel={() => setConfirm(false)}
        >
          <p>
            The current {role} token stops working for new joins. Nodes already in the swarm stay.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}

/** Leave swarm, with what stops named. */
export function LeaveDialog({
  engineId,
  swarm,
  onClose,
}: {
  engineId: string;
  swarm: SwarmState;
  onClose(): void;
}) {
  const leave = useSwarmAction(
    engineId,
    () => 'leave the swarm',
    () => call('swarm.leave', { engineId, force: swarm.isManager }),
    onClose,
  );
  const lastManager = swarm.isManager && swarm.managers <= 1;
  return (
    <ConfirmDialog
      verb="Leave"
      name="the swarm"
      disabled={leave.isPending}
      onConfirm={() => leave.mutate(undefined)}
      onCancel={onClose}
    >
      <p>
        This engine stops its swarm tasks:{' '}
        <strong>
          {plural(swarm.running.tasks, 'task')} of {plural(swarm.running.services, 'service')}
        </strong>{' '}
        running here stop and their containers are removed.
      </p>
      {lastManager ? (
        <p>
          It is the swarm&apos;s last manager: the whole swarm goes — every service, secret, config
          and overlay network in it, on {plural(swarm.nodes, 'node')}.
        </p>
      ) : swarm.isManager ? (
        <p>It is a manager: the other managers must still make a majority, or the swarm stops.</p>
      ) : null}
    </ConfirmDialog>
  );
}
