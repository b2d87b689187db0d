import type { EngineTestResult } from '../../contract';
import { createClient, type SshEnv } from './client';
import { describeConnectError } from './connect-errors';
import type { EngineConfig } from './detect';
import { HostKeyError } from './ssh';
import { withSignal } from './signal';
import { factsFrom } from './system';

/** How long "Test connection" waits for a silent engine before saying so. */
const TEST_TIMEOUT_MS = 15_000;

/**
 * One connection attempt with settings nobody saved yet: /_ping, /version and /info, bounded in
 * time. The client (and its SSH tunnel) is closed whatever happens.
 */
export async function testEngine(config: EngineConfig, ssh: SshEnv): Promise<EngineTestResult> {
  const client = createClient(config, ssh);
  const abortSignal = AbortSignal.timeout(TEST_TIMEOUT_MS);
  try {
    const api = withSignal(client.docker);
    await api.ping(abortSignal);
    const [version, info] = await Promise.all([api.version(abortSignal), api.info(abortSignal)]);
    return { ok: true, facts: factsFrom(version, info) };
  } catch (err) {
    if (abortSignal.aborted) {
      return {
        ok: false,
        error: {
          code: 'ENGINE_UNREACHABLE',
          message: `No answer from ${config.address ?? 'the engine'} within ${TEST_TIMEOUT_MS / 1000} s.`,
          hint: 'Check the address, and that the engine (or the SSH server) is running.',
        },
      };
    }
    const error = describeConnectError(err, config);
    if (err instanceof HostKeyError) {
      const hostKey = {
        state: err.verdict.state,
        host: err.target.host,
        port: err.target.port,
        keyType: err.key.type,
        fingerprint: err.verdict.fingerprint,
      };
      return { ok: false, error, hostKey };
    }
    return { ok: false, error };
  } finally {
    client.close();
  }
}
