import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { playgroundArgs } from '../tools/playground.ts';
import { stopProcess } from './helpers/process.ts';
import { root } from './helpers/fixtures.ts';

/** The addresses (as /proc/net shows them, hex) of every TCP socket process `pid` is listening on. */
function listeningAddresses(pid: number): string[] {
  const inodes = new Set(
    readdirSync(`/proc/${pid}/fd`).flatMap((fd) => {
      try {
        return [/^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1] ?? ''];
      } catch {
        return [];
      }
    }),
  );
  return ['tcp', 'tcp6'].flatMap((table) =>
    readFileSync(`/proc/net/${table}`, 'utf8')
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(/\s+/))
      // local_address is field 1, st is field 3 (0A: LISTEN), inode is field 9.
      .filter((fields) => fields[3] === '0A' && inodes.has(fields[9] ?? ''))
      .map((fields) => fields[1]?.split(':')[0] ?? ''),
  );
}

const LOOPBACK = ['0100007F', '00000000000000000000000001000000'];

describe('npm start', () => {
  it.skipIf(process.platform !== 'linux')(
    'starts Agents Playground listening on loopback only',
    async () => {
      const playground = spawn(process.execPath, playgroundArgs('http://127.0.0.1:9', '0'), {
        cwd: root,
        env: {
          ...process.env,
          TEAMSAPPTESTER_BROWSER: 'none',
          M365_AGENTS_PLAYGROUND_LOGFILE: join(mkdtempSync(join(tmpdir(), 'playground-')), 'playground.log'),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      try {
        const port = await new Promise<number>((resolve, reject) => {
          let seen = '';
          const timer = setTimeout(
            () => reject(new Error(`Agents Playground did not start: ${seen}`)),
            30_000,
          );
          const watch = (chunk: Buffer) => {
            seen += chunk.toString();
            const match = /Listening on (\d+)/.exec(seen);
            if (match) {
              clearTimeout(timer);
              resolve(Number(match[1]));
            }
          };
          playground.stdout?.on('data', watch);
          playground.stderr?.on('data', watch);
        });
        expect(port).toBeGreaterThan(0);
        const addresses = listeningAddresses(playground.pid ?? 0);
        expect(addresses.length).toBeGreaterThan(0);
        expect(addresses.filter((address) => !LOOPBACK.includes(address))).toEqual([]);
        expect((await fetch(`http://localhost:${port}/`)).status).toBe(200);
      } finally {
        await stopProcess(playground);
      }
    },
    60_000,
  );
});
