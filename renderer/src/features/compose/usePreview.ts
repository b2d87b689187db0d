import { useEffect, useState } from 'react';
import type { PreviewResult } from '../../../../contract';
import { call } from '../../api/client';

export type PreviewState =
  | { status: 'empty' }
  | { status: 'checking'; last: PreviewResult | undefined }
  | { status: 'ready'; result: PreviewResult }
  | { status: 'error'; message: string };

type Answer = { key: string } & ({ result: PreviewResult } | { message: string });

/**
 * The Up dialog's preview, asked of main as the file is typed (debounced; a newer keystroke
 * cancels the older request). Parsing and the schema check happen in main, with the kept YAML
 * library and the vendored compose-spec schema. What is shown is derived from the last answer
 * and whether it answers the current input.
 */
export function usePreview(
  yaml: string,
  envFile: string,
  profiles: string[],
  delayMs = 250,
): PreviewState {
  const [answer, setAnswer] = useState<Answer | undefined>();
  const profileKey = profiles.join(',');
  const key = JSON.stringify([yaml, envFile, profileKey]);
  useEffect(() => {
    if (!yaml.trim()) return;
    const abort = new AbortController();
    const timer = setTimeout(() => {
      const input = {
        yaml,
        profiles: profileKey ? profileKey.split(',') : [],
        ...(envFile.trim() ? { envFile } : {}),
      };
      call('compose.preview', input, { signal: abort.signal }).then(
        (result) => !abort.signal.aborted && setAnswer({ key, result }),
        (err: unknown) =>
          !abort.signal.aborted &&
          setAnswer({ key, message: err instanceof Error ? err.message : String(err) }),
      );
    }, delayMs);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [yaml, envFile, profileKey, key, delayMs]);

  if (!yaml.trim()) return { status: 'empty' };
  if (answer?.key === key) {
    return 'result' in answer
      ? { status: 'ready', result: answer.result }
      : { status: 'error', message: answer.message };
  }
  return { status: 'checking', last: answer && 'result' in answer ? answer.result : undefined };
}
