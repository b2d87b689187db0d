import { useEffect, useRef } from 'react';
import { stepsOf, type RunState } from './run-state';

interface Props {
  state: RunState;
  /** Services expected to take part, in the order to show them. */
  services: readonly string[];
  /** What runs, for the status line: "Up shop". */
  what: string;
}

const MARK = { waiting: '○', working: '…', done: '✓', error: '✗' } as const;

/** A compose job as it runs: a line per service, the CLI's output, and how it ended. */
export function RunOutput({ state, services, what }: Props) {
  const steps = stepsOf(state, services);
  const logRef = useRef<HTMLPreElement>(null);
  useEffect(() => {
    const el = logRef.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [state.lines]);
  const left = state.exit?.left;
  const leftText = left
    ? [
        left.containers.length ? `containers ${left.containers.join(', ')}` : '',
        left.networks.length ? `networks ${left.networks.join(', ')}` : '',
        left.volumes.length ? `volumes ${left.volumes.join(', ')}` : '',
      ].filter(Boolean)
    : [];
  return (
    <div className="compose-run">
      <p role="status" className="compose-run-status">
        {state.phase === 'running' && `${what}: running…`}
        {state.phase === 'done' && `${what}: done.`}
        {state.phase === 'stopped' && `${what}: stopped (the compose process was ended).`}
        {state.phase === 'failed' && `${what}: failed.`}
      </p>
      {steps.length > 0 && (
        <ul className="compose-steps" aria-label="Progress">
          {steps.map((s) => (
            <li key={`${s.resource}:${s.name}`} className={`compose-step compose-step--${s.state}`}>
              <span aria-hidden="true">{MARK[s.state]}</span>
              <span className="mono wrap-anywhere">
                {s.resource === 'service' ? s.name : `${s.resource} ${s.name}`}
              </span>
              <progress
                aria-label={`${s.resource === 'service' ? 'Service' : s.resource === 'network' ? 'Network' : 'Volume'} ${s.name}`}
                aria-valuetext={s.step}
                max={1}
                {...(s.state === 'working' ? {} : { value: s.state === 'done' ? 1 : 0 })}
              />
              <span className="small">
                {s.step}
                {s.total > 1 ? ` (${s.done}/${s.total})` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
      {state.phase === 'failed' && (
        <div role="alert" className="compose-failure">
          <p className="mono wrap-anywhere">
            {state.exit?.error ??
              state.error?.message ??
              `compose exited with code ${state.exit?.code ?? '?'}.`}
          </p>
          {state.error?.hint && <p className="hint">{state.error.hint}</p>}
          {left && (
            <p>
              {leftText.length
                ? `Left on the engine: ${leftText.join('; ')}.`
                : 'Nothing of the project was left on the engine.'}
            </p>
          )}
        </div>
      )}
      {(state.command || state.lines.length > 0) && (
        <details open={state.phase !== 'done'}>
          <summary>Output</summary>
          {state.command && <p className="mono small wrap-anywhere">$ {state.command}</p>}
          <pre ref={logRef} role="log" aria-label={`Output of ${what}`} className="compose-log">
            {state.dropped > 0 && `… ${state.dropped} earlier lines not shown\n`}
            {state.lines.map((l, i) => (
              <span key={i + state.dropped} className={l.err ? 'err' : undefined}>
                {l.text}
                {'\n'}
              </span>
            ))}
          </pre>
        </details>
      )}
    </div>
  );
}
