import { afterAll, beforeAll } from 'vitest';
import type { BotConfig } from '../../bot/config.ts';
import { casesOfConversation } from '../../bot/store/cases.ts';
import type { Database } from '../../bot/store/database.ts';
import type { ChildProcess } from 'node:child_process';
import { freshPglite, freshPostgres, type TestDatabase } from './databases.ts';
import { spawnBot } from './process.ts';
import {
  click,
  localKeys,
  messageActivity,
  people,
  post,
  startConnector,
  startTestBot,
  type MockConnector,
  type Person,
  type ReachableBot,
  type TestBot,
  validatingEnvironment,
} from './teams.ts';

export interface BotHarness {
  readonly store: { db: Database };
  readonly connector: MockConnector;
  readonly bot: TestBot;
}

/**
 * A bot on a fresh PGlite with its mock connector, started before the suite and stopped after it. Use inside
 * a describe block; read the fields in tests (they are set once beforeAll has run).
 */
export function useBot(
  overrides: Partial<BotConfig> = {},
  setUp: (connector: MockConnector) => void = () => undefined,
): BotHarness {
  const harness = {} as { store: TestDatabaseLike; connector: MockConnector; bot: TestBot };
  beforeAll(async () => {
    harness.store = await freshPglite();
    harness.connector = await startConnector();
    setUp(harness.connector);
    harness.bot = await startTestBot(harness.store.db, overrides);
  });
  afterAll(async () => {
    await harness.bot?.stop();
    await harness.connector?.close();
    await harness.store?.drop();
  });
  return harness;
}

interface TestDatabaseLike {
  db: Database;
  drop(): Promise<void>;
}

/**
 * Lets the bot see a chat as it would in Teams (someone writes in it), so that the API, which is not in any chat,
 * knows where to ask Teams who is in it.
 */
export async function botSeesChat(
  harness: BotHarness,
  conversationId: string,
  from: Person = people.coordinator,
) {
  const response = await post(harness.bot, messageActivity(harness.connector, from, 'help', conversationId));
  if (response.status !== 200) throw new Error(`the bot did not take the message: ${response.status}`);
}

/** Starts a case through the card, answers the questions given, and returns the stored case. */
export async function caseAt(
  harness: BotHarness,
  start: { section: string; student: string; schoolId?: string },
  answers: Record<string, unknown> = {},
) {
  const messageId = `card-${start.student}`;
  await click(
    harness.bot,
    harness.connector,
    people.coordinator,
    'case.start',
    { partnership: 'SLIP', schoolId: start.schoolId ?? 'wigston-college', ...start },
    messageId,
  );
  const record = (await casesOfConversation(harness.store.db, '19:meeting-a@thread.v2')).find(
    (candidate) => candidate.student === start.student,
  );
  if (!record) throw new Error(`case ${start.student} was not stored`);
  let card = { text: '' };
  for (const [question, value] of Object.entries(answers)) {
    card = await click(
      harness.bot,
      harness.connector,
      people.coordinator,
      'case.answer',
      { caseId: record.id, question, value },
      messageId,
    );
  }
  return { record, messageId, card };
}

export interface TwoProcesses {
  readonly store: TestDatabase;
  readonly connector: MockConnector;
  /** Two bot processes on the one PostgreSQL database, each reached over loopback HTTP. */
  readonly bots: ReachableBot[];
  /** With `validateTokens`: the key set the bots trust, to sign (or forge) tokens. */
  readonly keys?: Awaited<ReturnType<typeof localKeys>>;
}

/**
 * Two bot processes sharing a fresh PostgreSQL database, with a mock connector, started before the suite and
 * stopped after it. Use inside a describe block that is skipped without a PostgreSQL server. With
 * `validateTokens` they validate every Teams token against the local key set, as in production, and each
 * activity posted to them carries one; otherwise they run in local mode.
 */
export function useTwoBotProcesses(
  setUp: (connector: MockConnector) => void = () => undefined,
  { validateTokens = false }: { validateTokens?: boolean } = {},
): TwoProcesses {
  const harness = { bots: [] as ReachableBot[] } as {
    store: TestDatabase;
    connector: MockConnector;
    bots: ReachableBot[];
    keys?: Awaited<ReturnType<typeof localKeys>>;
  };
  const processes: ChildProcess[] = [];
  beforeAll(async () => {
    harness.store = await freshPostgres();
    harness.connector = await startConnector();
    setUp(harness.connector);
    const keys = validateTokens ? await localKeys(harness.connector) : undefined;
    if (keys) harness.keys = keys;
    for (let i = 0; i < 2; i++) {
      const started = await spawnBot(
        { DATABASE_URL: harness.store.url ?? '' },
        'bot/main.ts',
        keys ? validatingEnvironment(harness.connector) : {},
      );
      processes.push(started.process);
      harness.bots.push({ url: started.url, ...(keys ? { teamsToken: () => keys.sign({}) } : {}) });
    }
  }, 60_000);
  afterAll(async () => {
    for (const child of processes) child.kill('SIGTERM');
    await harness.connector?.close();
    await harness.store?.drop();
  });
  return harness;
}
