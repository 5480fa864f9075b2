// `npm start`: everything locally, with no Microsoft 365 tenant. The bot runs on the embedded PGlite with
// unauthenticated requests allowed on loopback only, and Microsoft 365 Agents Playground, also on loopback only,
// gives it a Teams-like chat in the browser, signed in as Alex Wilber, a SLIP coordinator
// (config/roles.local.json).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { playgroundArgs } from './playground.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const botPort = process.env.PORT ?? '3978';
const playgroundPort = process.env.PLAYGROUND_PORT ?? '56150';
const children: ChildProcess[] = [];

mkdirSync(`${root}data`, { recursive: true });

/** Starts a child process and resolves with the first match of `ready` in its output. */
function launch(
  name: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  ready: RegExp,
): Promise<RegExpMatchArray> {
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let seen = '';
    const watch = (chunk: Buffer) => {
      const text = chunk.toString();
      seen += text;
      const match = ready.exec(seen);
      if (match) resolve(match);
    };
    child.stdout?.on('data', watch);
    child.stderr?.on('data', (chunk: Buffer) => {
      process.stderr.write(`[${name}] ${chunk.toString()}`);
      watch(chunk);
    });
    child.once('exit', (code) => {
      reject(new Error(`${name} stopped (exit code ${code}).\n${seen.slice(-2000)}`));
      shutDown(code ?? 1);
    });
  });
}

function shutDown(code: number): void {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exitCode = code;
}

process.once('SIGINT', () => shutDown(0));
process.once('SIGTERM', () => shutDown(0));

try {
  await launch(
    'bot',
    ['dist/bot/main.js'],
    {
      PORT: botPort,
      DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS: 'true',
      ROLES_FILE: process.env.ROLES_FILE ?? `${root}config/roles.local.json`,
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    },
    /listening on/,
  );
  const [, port] = await launch(
    'playground',
    // On loopback only (tools/loopbackOnly.ts): by itself the Playground listens on every interface.
    playgroundArgs(`http://127.0.0.1:${botPort}`, playgroundPort),
    // The Playground would try to open a browser itself; we print the address instead.
    {
      TEAMSAPPTESTER_BROWSER: 'none',
      M365_AGENTS_PLAYGROUND_LOGFILE: `${root}data/m365agentsplayground.log`,
    },
    /Listening on (\d+)/,
  );
  process.stdout.write(
    [
      '',
      'Inclusion Partnerships is running locally.',
      `  Teams chat (Microsoft 365 Agents Playground): http://localhost:${port}`,
      '    You are Alex Wilber, a SLIP coordinator and administrator. Type "start" to run a case.',
      `  Outlook add-in preview (a stand-in for Outlook): http://localhost:${botPort}/addin/preview.html`,
      '    Cases decided in the chat appear under "Emails to send"; "Without a case" works straight away.',
      `  Administration page preview (a stand-in for Teams): http://localhost:${botPort}/addin/admin-preview.html`,
      '    People, panels, schools, vote settings and County contacts, as the local user may change them.',
      `  Reports page preview (a stand-in for Teams): http://localhost:${botPort}/addin/reports-preview.html`,
      "    Termly figures with charts and CSV, the records export and the County dashboard; a case card's",
      '    Record button opens its printable decision record.',
      `  Bot endpoint: http://127.0.0.1:${botPort}/api/messages (loopback only, no sign-in: local use only)`,
      '  Cases are kept in data/pglite. Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  shutDown(1);
}
