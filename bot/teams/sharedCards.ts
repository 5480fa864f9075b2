import type { AdaptiveCard } from '../../src/cards/adaptive.ts';

interface Queued {
  card: AdaptiveCard;
  send: (card: AdaptiveCard) => Promise<void>;
  sent: (() => void)[];
}

/**
 * Updates to one shared message, latest first. While an update to a message is on its way to Teams, newer
 * cards for it wait and only the newest is sent next: when 60 members vote at once the card everyone sees is
 * replaced a few times rather than 60 (Teams throttles a conversation's updates well below that), and it
 * always ends on the latest state. The promise resolves once this card, or a newer one, has been sent.
 */
export function createSharedCards() {
  const next = new Map<string, Queued>();
  const sending = new Set<string>();

  async function drain(key: string) {
    sending.add(key);
    try {
      for (let queued = next.get(key); queued; queued = next.get(key)) {
        next.delete(key);
        // A failed update is the sender's to report; the next card is still sent.
        await queued.send(queued.card).catch(() => undefined);
        for (const done of queued.sent) done();
      }
    } finally {
      sending.delete(key);
    }
  }

  return {
    /** Messages with an update on its way or waiting: none once every update has been sent. */
    get pending() {
      return new Set([...next.keys(), ...sending]).size;
    },
    update(
      conversationId: string,
      messageId: string,
      card: AdaptiveCard,
      send: (card: AdaptiveCard) => Promise<void>,
    ): Promise<void> {
      const key = `${conversationId}\n${messageId}`;
      return new Promise((resolve) => {
        const superseded = next.get(key);
        next.set(key, { card, send, sent: [...(superseded?.sent ?? []), resolve] });
        if (!sending.has(key)) void drain(key);
      });
    },
  };
}
