import { createServer, connect, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../../bot/store/database.ts';
import { freshPostgres, serverUrl, type TestDatabase } from '../helpers/databases.ts';
import {
  click,
  people,
  startConnector,
  startTestBot,
  type MockConnector,
  type TestBot,
} from '../helpers/teams.ts';

/** A TCP proxy in front of PostgreSQL that can be cut and restored, as a network or server outage would. */
async function outageProxy(target: URL) {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;
  const open = () =>
    new Promise<void>((resolve) => {
      server = createServer((client) => {
        const upstream = connect(Number(target.port || 5432), target.hostname);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
          socket.on('error', () => socket.destroy());
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server?.address() as { port: number }).port;
        resolve();
      });
    });
  await open();
  return {
    get port() {
      return port;
    },
    async cut() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    },
    restore: open,
  };
}

describe.skipIf(!serverUrl)('the database becoming unreachable', () => {
  let store: TestDatabase;
  let connector: MockConnector;
  let bot: TestBot;
  let proxy: Awaited<ReturnType<typeof outageProxy>>;

  beforeAll(async () => {
    store = await freshPostgres();
    const target = new URL(store.url ?? '');
    proxy = await outageProxy(target);
    const throughProxy = new URL(target);
    throughProxy.hostname = '127.0.0.1';
    throughProxy.port = String(proxy.port);
    connector = await startConnector();
    bot = await startTestBot(
      store.db,
      {},
      { db: openPostgres(throughProxy.toString(), { maxConnections: 4 }) },
    );
  }, 60_000);
  afterAll(async () => {
    await bot?.stop();
    await connector?.close();
    await store?.drop();
  });

  it('answers with a clear card, stays up, and recovers when the database returns', async () => {
    const before = await click(
      bot,
      connector,
      people.coordinator,
      'case.start',
      { partnership: 'SLIP', schoolId: 'wigston-college', student: 'OUT-1', section: 'A' },
      'card-out',
    );
    expect(before.text).toContain('Is the student a City of Leicester resident?');

    await proxy.cut();
    const during = await click(bot, connector, people.coordinator, 'case.list', {});
    expect(during.text).toContain('The case store cannot be reached just now, so nothing was changed.');
    const health = await fetch(`${bot.url}/healthz`);
    expect(health.status).toBe(503);
    expect(bot.logs.some((line) => line.includes('"event":"store.unavailable"'))).toBe(true);

    await proxy.restore();
    const after = await click(bot, connector, people.coordinator, 'case.list', {});
    expect(after.text).toContain('OUT\\\\-1');
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
  }, 60_000);
});
