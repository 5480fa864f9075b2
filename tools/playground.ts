// How `npm start` runs Microsoft 365 Agents Playground, shared with the test that checks it stays on loopback.
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));

/** The Node.js arguments that start the Playground on `port` for the bot at `botUrl`, listening on loopback only. */
export function playgroundArgs(botUrl: string, port: string): string[] {
  return [
    '--import',
    `${root}tools/loopbackOnly.ts`,
    `${root}node_modules/@microsoft/m365agentsplayground/cli.js`,
    '--app-endpoint',
    `${botUrl}/api/messages`,
    '--channel-id',
    'msteams',
    '--port',
    port,
    '--disable-telemetry',
  ];
}
