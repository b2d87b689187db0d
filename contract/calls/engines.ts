import { z } from 'zod';
import { OUT } from '../limits';
import { call, OnEngine, stream } from '../define';
import { PortholeError } from '../errors';
import {
  EngineFacts,
  EngineId,
  EngineInfo,
  EngineStatus,
  EngineStreamEvent,
  HostKeyProblem,
} from '../resources';
import { lazy } from '../lazy';

const Path = lazy(() => z.string().max(4096));

/** TLS files by path (main reads them; their content never crosses the boundary). */
export const EngineTls = lazy(() =>
  z.strictObject({
    ca: Path.optional(),
    cert: Path.optional(),
    key: Path.optional(),
    /** A DOCKER_CERT_PATH-style folder holding ca.pem, cert.pem and key.pem. */
    dir: Path.optional(),
  }),
);
export type EngineTls = z.infer<typeof EngineTls>;

export const EngineName = lazy(() =>
  z
    .string()
    .trim()
    .min(1, 'a name is required')
    .max(100)
    .refine((s) => ![...s].some((c) => c.charCodeAt(0) < 0x20), 'no control characters'),
);

/** unix:///path, npipe:////./pipe/name, tcp://host:port, ssh://user@host[:port]. */
export const EngineAddress = lazy(() =>
  z.string().trim().min(1, 'an address is required').max(1000),
);

export const EngineInput = lazy(() =>
  z.strictObject({
    name: EngineName,
    address: EngineAddress,
    tls: EngineTls.optional(),
  }),
);
export type EngineInput = z.infer<typeof EngineInput>;

export const EngineTestResult = lazy(() =>
  z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), facts: EngineFacts }),
    z.object({
      ok: z.literal(false),
      error: PortholeError,
      /** Set when an SSH host key stopped the connection. */
      hostKey: HostKeyProblem.optional(),
    }),
  ]),
);
export type EngineTestResult = z.infer<typeof EngineTestResult>;

export const engineCalls = {
  'engines.list': call(
    lazy(() => z.strictObject({})),
    lazy(() => z.array(EngineInfo).max(OUT.list)),
  ),
  /** Saves a new engine (persisted in the data dir) and starts connecting to it. */
  'engines.add': call(EngineInput, EngineInfo),
  /** Rename any engine; change the address and TLS files of an added one. */
  'engines.update': call(
    lazy(() =>
      z.strictObject({
        engineId: EngineId,
        name: EngineName.optional(),
        address: EngineAddress.optional(),
        tls: EngineTls.optional(),
      }),
    ),
    EngineInfo,
  ),
  /** Forgets an added engine; hides a detected one. */
  'engines.remove': call(
    OnEngine,
    lazy(() => z.object({})),
  ),
  'engines.setDefault': call(
    OnEngine,
    lazy(() => z.object({})),
  ),
  /** Connects once with these settings, saves nothing, and says what happened. */
  'engines.test': call(
    lazy(() => z.strictObject({ address: EngineAddress, tls: EngineTls.optional() })),
    EngineTestResult,
  ),
  /**
   * Appends the host key Porthole was just shown (by fingerprint) to known_hosts. Only keys
   * that were unknown can be trusted; a changed key never is.
   */
  'engines.trustHostKey': call(
    lazy(() =>
      z.strictObject({
        host: z.string().min(1).max(255),
        port: z.number().int().min(1).max(65535),
        fingerprint: z.string().min(8).max(100),
      }),
    ),
    lazy(() => z.object({})),
  ),
} as const;

export const engineStreams = {
  /** The state of every engine: all of them at once on subscribe, then each change. */
  'engines.status': stream(
    lazy(() => z.strictObject({})),
    EngineStatus,
    { flow: 'lossy' },
  ),
  /** The engine's events, plus a `reconcile` marker after each (re)connect. */
  'engine.events': stream(OnEngine, EngineStreamEvent, { flow: 'lossy' }),
} as const;
