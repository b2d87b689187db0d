import type { AnyAuthMethod, AuthHandlerMiddleware } from 'ssh2';
import { ssh2 } from './ssh2-lazy';
import { defaultIdentityFiles, type SshTarget } from './ssh-config';

export interface AuthSources {
  /** The agent socket (SSH_AUTH_SOCK), unless the config turned it off. */
  agent?: string | undefined;
  readText(path: string): string | undefined;
  home: string;
}

export interface AuthPlan {
  handler: AuthHandlerMiddleware;
  /** Identity files that could not be used (encrypted, unreadable), for the error message. */
  skipped: string[];
}

/**
 * The methods `ssh` would try, in its order: the agent, then each identity file. Keys with a
 * passphrase are skipped (Porthole never asks for or stores one): load them into ssh-agent.
 */
export function authPlan(target: SshTarget, src: AuthSources): AuthPlan {
  const methods: AnyAuthMethod[] = [];
  const skipped: string[] = [];
  const agent =
    target.identityAgent?.toLowerCase() === 'none'
      ? undefined
      : (target.identityAgent ?? src.agent);
  if (agent && !target.identitiesOnly) {
    methods.push({ type: 'agent', username: target.username, agent });
  }
  const files = target.identityFiles.length ? target.identityFiles : defaultIdentityFiles(src.home);
  for (const file of files) {
    const text = src.readText(file);
    if (text === undefined) {
      if (target.identityFiles.length) skipped.push(`${file} (unreadable)`);
      continue;
    }
    const parsed = ssh2().utils.parseKey(text);
    if (parsed instanceof Error) {
      skipped.push(
        /encrypted|passphrase/i.test(parsed.message)
          ? `${file} (has a passphrase)`
          : `${file} (${parsed.message})`,
      );
      continue;
    }
    methods.push({ type: 'publickey', username: target.username, key: text });
  }
  let next = 0;
  const handler: AuthHandlerMiddleware = (_left, _partial, done) => {
    const method = methods[next++];
    // ssh2's typings want a method name or object; `false` (no more methods) is its runtime stop.
    done(method ?? (false as unknown as AnyAuthMethod));
  };
  return { handler, skipped };
}
