import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type Docker from 'dockerode';
import {
  invalidInput,
  OUT,
  type ComposeCli,
  type ComposeJob,
  type ComposeProject,
  type ComposeRunEvent,
  type PreviewResult,
} from '../../contract';
import type { Sink } from '../streams/sink';
import {
  baseEnv,
  composeArgs,
  describeTool,
  detectCompose,
  jobCommand,
  NO_COMPOSE,
  type CliEndpoint,
  type ComposeTool,
  type ProjectArgs,
} from './compose-cli';
import { argsForProject, writeUpFiles } from './compose-files';
import { previewCompose } from './compose-preview';
import { createComposeValidator } from './compose-yaml';
import { findProject, labelled } from './compose-projects';
import { engineEnvFor, runCli } from './compose-run';
import { fail, PortholeFailure, toPortholeError } from './errors';

export interface ComposeDeps {
  /** Where pasted compose files are kept: DATA/compose. */
  root: string;
  docker(engineId: string): Docker;
  /** The engine as the CLI is pointed at it (cliEndpoint). */
  endpoint(engineId: string): CliEndpoint;
  /** Porthole's environment; the CLI gets only baseEnv() of it. */
  env: Record<string, string | undefined>;
}

/** A project's files are not here: say what still works. */
function filesGone(p: ComposeProject): never {
  const which = p.missingFiles.length ? p.missingFiles.join(', ') : 'none recorded';
  fail(
    'NOT_FOUND',
    `The compose files of ${p.name} are not on this machine (${which}).`,
    'Start, stop and remove still work from its labels; to change it, bring it up again from its file.',
  );
}

/**
 * Compose on one core: finds the CLI (once it is found; again each time while it is missing, so
 * installing it needs no restart), previews files, and runs jobs pointed at an engine.
 */
export class ComposeJobs {
  private tool: ComposeTool | undefined;
  /** The compose-spec schema, compiled on the first preview. */
  private readonly validate = createComposeValidator();

  constructor(private readonly deps: ComposeDeps) {}

  private get base() {
    return baseEnv(this.deps.env);
  }

  async cli(): Promise<ComposeCli> {
    this.tool ??= await detectCompose(this.base);
    return describeTool(this.tool);
  }

  private async requireTool(): Promise<ComposeTool> {
    await this.cli();
    if (!this.tool) fail('NOT_FOUND', NO_COMPOSE.message, NO_COMPOSE.hint);
    return this.tool;
  }

  preview(input: {
    yaml: string;
    envFile?: string | undefined;
    profiles: string[];
  }): PreviewResult {
    return previewCompose(input, this.validate, this.base);
  }

  private async existing(
    engineId: string,
    name: string,
  ): Promise<{ project: ComposeProject; args: ProjectArgs; cwd: string }> {
    const project = await findProject(this.deps.docker(engineId), name);
    if (!project) fail('NOT_FOUND', `No compose project named ${name} on this engine.`);
    if (!project.filesPresent) filesGone(project);
    const args = argsForProject(this.deps.root, project);
    const dir = project.workingDir;
    const cwd = dir && existsSync(dir) ? dir : dirname(project.configFiles[0]!);
    return { project, args, cwd };
  }

  /** `config`: the project as compose resolves it (interpolated, merged, defaults filled). */
  async config(engineId: string, name: string, signal: AbortSignal): Promise<{ text: string }> {
    const tool = await this.requireTool();
    const { args, cwd } = await this.existing(engineId, name);
    const engine = await engineEnvFor(this.deps.endpoint(engineId));
    try {
      const env = { ...this.base, ...engine.env };
      const argv = composeArgs(tool, args, ['config']);
      return await new Promise((resolve, reject) => {
        execFile(
          tool.file,
          argv,
          { cwd, env, signal, maxBuffer: OUT.fileText, timeout: 60_000 },
          (err, stdout, stderr) =>
            err ? reject(invalidFailure(stderr || err.message)) : resolve({ text: stdout }),
        );
      });
    } finally {
      await engine.cleanup();
    }
  }

  /** Runs a job to its end on the sink; every failure ends the stream with the reason. */
  run(engineId: string, job: ComposeJob, sink: Sink<ComposeRunEvent>): void {
    this.runJob(engineId, job, sink).then(
      () => sink.end(),
      (err: unknown) => sink.end(toPortholeError(err)),
    );
  }

  private async runJob(engineId: string, job: ComposeJob, sink: Sink<ComposeRunEvent>) {
    let target: { args: ProjectArgs; cwd: string; services: string[] };
    if (job.op === 'up') {
      // Checked before anything is written or started: a bad file starts nothing.
      const checked = this.preview(job.spec);
      if (!checked.ok) {
        const first = checked.issues[0]!;
        fail('INVALID_INPUT', `Line ${first.line}, column ${first.col}: ${first.message}`);
      }
      await this.requireTool();
      const args = await writeUpFiles(this.deps.root, job.spec);
      const services = checked.preview.services.filter((s) => s.active).map((s) => s.name);
      target = { args, cwd: job.spec.projectDir ?? dirname(args.files[0]!), services };
    } else {
      await this.requireTool();
      const { project, args, cwd } = await this.existing(engineId, job.project);
      target = { args, cwd, services: project.services.map((s) => s.name) };
    }
    const tool = this.tool!;
    if (sink.closed) return;
    const engine = await engineEnvFor(this.deps.endpoint(engineId));
    try {
      const { code, error } = await runCli({
        tool,
        project: target.args,
        sub: jobCommand(job),
        env: { ...this.base, ...engine.env },
        cwd: target.cwd,
        services: target.services,
        sink,
      });
      const left = code === 0 || sink.closed ? null : await this.leftOf(engineId, target.args.name);
      sink.next({ kind: 'exit', code, error: code === 0 ? null : error, left });
    } finally {
      await engine.cleanup();
    }
  }

  /** What a failed run left of the project on the engine, named. */
  private async leftOf(engineId: string, project: string) {
    try {
      const l = await labelled(this.deps.docker(engineId), project);
      return {
        containers: l.containers.map((c) => c.Names?.[0]?.replace(/^\//, '') ?? c.Id.slice(0, 12)),
        networks: l.networks.map((n) => n.name),
        volumes: l.volumes.map((v) => v.name),
      };
    } catch {
      return null;
    }
  }
}

/** compose's own complaint about its files, in its words. */
function invalidFailure(text: string): Error {
  return new PortholeFailure(invalidInput(text.trim().slice(-4000) || 'compose config failed.'));
}

export const composeRoot = (dataDir: string) => join(dataDir, 'compose');
