import { spawn, type ChildProcess } from 'node:child_process';
import { rolesFile, suiteLog, TENANT_ID } from './teams.ts';
import { projectRoot as root } from '../bot/paths.ts';

/**
 * Starts the bot as a separate process on a free port: from its sources, or with `entry: 'dist/bot/main.js'`
 * the bundle `npm run bot` runs (built by `npm run build`). Local mode unless `environment` says otherwise
 * (`validatingEnvironment`).
 */
export async function spawnBot(
  store: { DATABASE_URL?: string; DATA_DIR?: string },
  entry = 'bot/main.ts',
  environment: Record<string, string> = {},
): Promise<{ url: string; process: ChildProcess; readyMs: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [entry], {
    cwd: root,
    env: {
      ...process.env,
      PORT: '0',
      DATABASE_URL: store.DATABASE_URL ?? '',
      DATA_DIR: store.DATA_DIR ?? '',
      DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS: 'true',
      ALLOWED_TENANT_IDS: TENANT_ID,
      ROLES_FILE: rolesFile,
      LOG_LEVEL: 'warn',
      ...environment,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = suiteLog('process');
  child.stdout?.on('data', (chunk: Buffer) => chunk.toString().split('\n').filter(Boolean).forEach(log));
  child.stderr?.on('data', (chunk: Buffer) => chunk.toString().split('\n').filter(Boolean).forEach(log));
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`bot did not start: ${output}`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/[^/\s]+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`bot exited with ${code}: ${output}`)));
  });
  return { url, process: child, readyMs: performance.now() - started };
}

/** Stops a child process and waits until it has gone. */
export function stopProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}
