import { describe, expect, it } from 'vitest';
import type { AdaptiveCard } from '../../src/cards/adaptive.ts';
import { createSharedCards } from '../../bot/teams/sharedCards.ts';

const card = (n: number) =>
  ({ type: 'AdaptiveCard', version: '1.5', body: [], n }) as unknown as AdaptiveCard;

describe('updates to a shared card', () => {
  it('sends the first at once and then only the newest, and tells every caller when theirs is superseded', async () => {
    const shared = createSharedCards();
    const sent: number[] = [];
    let release: () => void = () => undefined;
    const send = (value: AdaptiveCard) => {
      sent.push((value as unknown as { n: number }).n);
      return sent.length === 1 ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve();
    };
    const done: number[] = [];
    const updates = [1, 2, 3, 4].map((n) =>
      shared.update('conversation', 'message', card(n), send).then(() => done.push(n)),
    );
    await Promise.resolve();
    expect(sent).toEqual([1]);
    release();
    await Promise.all(updates);
    expect(sent).toEqual([1, 4]);
    expect(done.sort()).toEqual([1, 2, 3, 4]);
  });

  it('keeps messages apart, and goes on after a failed update', async () => {
    const shared = createSharedCards();
    const sent: string[] = [];
    await Promise.all([
      shared.update('c', 'a', card(1), () => Promise.reject(new Error('429'))),
      shared.update('c', 'b', card(2), async () => {
        sent.push('b');
      }),
    ]);
    await shared.update('c', 'a', card(3), async () => {
      sent.push('a');
    });
    expect(sent).toEqual(['b', 'a']);
  });

  it('holds nothing once every update has been sent, however many messages it has seen', async () => {
    const shared = createSharedCards();
    const send = () => new Promise<void>((resolve) => setTimeout(resolve, 1));
    const updates = Array.from({ length: 2_000 }, (_, n) =>
      shared.update(`conversation-${n % 20}`, `message-${n}`, card(n), send),
    );
    expect(shared.pending).toBe(2_000);
    await Promise.all(updates);
    expect(shared.pending).toBe(0);
  });
});
