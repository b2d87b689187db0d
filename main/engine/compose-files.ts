import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import type { ComposeProject, UpSpec } from '../../contract';
import type { ProjectArgs } from './compose-cli';

/**
 * A pasted compose file is written to Porthole's own folder for the project
 * (DATA/compose/NAME/compose.yaml, its env file beside it as .env), so the project's labels
 * point at files that stay on this machine: later `down`, `config`, scale and recreate find them.
 * Both are private to the user (0600): compose files and env files often hold passwords.
 */
export async function writeUpFiles(root: string, spec: UpSpec): Promise<ProjectArgs> {
  const dir = join(root, spec.projectName);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, 'compose.yaml');
  await writeFile(file, spec.yaml, { mode: 0o600 });
  const envPath = join(dir, '.env');
  const hasEnv = !!spec.envFile?.trim();
  // A stale env file from an earlier Up must not silently apply to this one.
  if (hasEnv) await writeFile(envPath, spec.envFile!, { mode: 0o600 });
  else await rm(envPath, { force: true });
  return {
    name: spec.projectName,
    files: [file],
    projectDir: spec.projectDir,
    envFile: hasEnv ? envPath : undefined,
    profiles: spec.profiles,
  };
}

/** How to name an existing project to the CLI, from its labels (and Porthole's env file). */
export function argsForProject(
  root: string,
  p: ComposeProject,
  exists: (path: string) => boolean = existsSync,
): ProjectArgs {
  const own = join(root, p.name);
  const ownEnv = join(own, '.env');
  const ours = p.configFiles[0]?.startsWith(own + sep) ?? false;
  const envFile = p.envFile ?? (ours && exists(ownEnv) ? ownEnv : undefined);
  return {
    name: p.name,
    files: p.configFiles,
    projectDir: p.workingDir ?? undefined,
    envFile,
    profiles: [],
  };
}
