import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EngineStatus } from '../../../contract';
import { createCore } from '../../../main/core';
import { RETRY_DELAYS_MS } from '../../../main/engine/connection';
import { quietLog } from './fake-core';

describe('createCore', () => {
  it('takes its clock from its caller: an engine that is down says when it retries by that clock', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'porthole-core-'));
    const now = 1_700_000_000_000;
    const core = createCore({
      dataDir,
      log: quietLog,
      clock: { now: () => now },
      ssh: { home: '/nonexistent', user: 'me', agent: undefined, readText: () => undefined },
      engines: [
        {
          id: 'gone',
          name: 'Gone',
          source: 'env',
          endpoint: { kind: 'unix', socketPath: join(dataDir, 'no-such.sock') },
          preferred: true,
        },
      ],
    });
    try {
      const down = await new Promise<EngineStatus>((resolve) => {
        core.engines.on('status', (s) => s.state === 'disconnected' && resolve(s));
      });
      expect(core.clock.now()).toBe(now);
      expect(down).toMatchObject({ engineId: 'gone', retryAt: now + RETRY_DELAYS_MS[0]! });
    } finally {
      core.stop();
    }
  });
});
