import { z } from 'zod';
import { BoundedRecord } from '../bounded';
import { OUT } from '../limits';
import { call, OnEngine } from '../define';
import { registryProblem } from './registry-name';
import { lazy } from '../lazy';

/** Where a login was found, in the order pulls and pushes look them up. */
export const LoginSource = lazy(() => z.enum(['app', 'helper', 'config']));
export type LoginSource = z.infer<typeof LoginSource>;

export const RegistryLogin = lazy(() =>
  z.object({
    /** The key the CLI uses: host[:port], or Docker Hub's index server name. */
    registry: z.string().max(OUT.name),
    username: z.string().max(OUT.name),
    /** Every place holding a login for this registry; the first is the one used. */
    sources: z.array(LoginSource).max(OUT.list).min(1),
    /** The credential helper holding it, when `sources` includes "helper". */
    helper: z.string().max(OUT.name).optional(),
    /** Held by the app in memory only (web mode without a credential helper): gone at exit. */
    memoryOnly: z.boolean(),
  }),
);
export type RegistryLogin = z.infer<typeof RegistryLogin>;

/** Where a new login would be stored, so the dialog can say so before the user types a secret. */
export const CredentialStorage = lazy(() =>
  z.object({
    /** The docker config file read (DOCKER_CONFIG honoured). */
    configPath: z.string().max(OUT.path),
    credsStore: z.string().max(OUT.name).nullable(),
    /** registry → helper, from config.json `credHelpers`. */
    credHelpers: BoundedRecord(z.string().max(OUT.path), z.string().max(OUT.long), OUT.entries),
    /** The app's own store: OS-encrypted, Electron's plaintext `basic_text` fallback, or memory. */
    appStore: z.enum(['encrypted', 'plaintext-backend', 'memory']),
    /** A problem reading a source (e.g. a helper that is not installed), in its own words. */
    problems: z.array(z.string().max(OUT.text)).max(OUT.list),
  }),
);
export type CredentialStorage = z.infer<typeof CredentialStorage>;

export const StoredIn = lazy(() => z.enum(['helper', 'encrypted', 'plaintext-backend', 'memory']));
export type StoredIn = z.infer<typeof StoredIn>;

export const RegistryAddress = lazy(() =>
  z
    .string()
    .max(512)
    .superRefine((value, ctx) => {
      const problem = registryProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
);

/**
 * Logins belong to a registry, not to an engine: one login serves every engine, so listing and
 * logging out name no engine. Logging in does, because the engine checks the credentials.
 */
export const registryCalls = {
  'registries.list': call(
    lazy(() => z.strictObject({})),
    lazy(() =>
      z.object({ logins: z.array(RegistryLogin).max(OUT.list), storage: CredentialStorage }),
    ),
  ),
  'registries.login': call(
    lazy(() =>
      OnEngine.extend({
        /** Empty means Docker Hub, like `docker login`. */
        registry: RegistryAddress,
        username: z.string().trim().min(1, 'Enter a username.').max(256),
        password: z.string().min(1, 'Enter a password or access token.').max(8192),
        /** The user's explicit consent to Electron's plaintext `basic_text` key store. */
        allowPlaintext: z.boolean().optional(),
      }),
    ),
    lazy(() =>
      z.object({
        registry: z.string().max(OUT.name),
        storedIn: StoredIn,
        helper: z.string().max(OUT.name).optional(),
      }),
    ),
  ),
  'registries.logout': call(
    lazy(() =>
      z.strictObject({
        registry: RegistryAddress,
        /** Also delete the entry the docker CLI wrote to config.json `auths`. */
        removeConfigEntry: z.boolean(),
      }),
    ),
    lazy(() => z.object({ removed: z.array(LoginSource).max(OUT.list) })),
  ),
} as const;
