import * as AC from 'adaptivecards';
import type { AdaptiveCard } from '../../src/cards/adaptive.ts';

/** Teams refuses cards over 28 KB; ours must stay well under. */
export const TEAMS_CARD_LIMIT = 28 * 1024;

/** Parses a card with the adaptivecards renderer and returns every warning or error it reports. */
export function parseProblems(json: AdaptiveCard): string[] {
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  parsed.parse(JSON.parse(JSON.stringify(json)), context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) {
    const event = context.getEventAt(i);
    problems.push(`${AC.ValidationEvent[event.event]}: ${event.message}`);
  }
  for (const event of parsed.validateProperties().validationEvents) {
    problems.push(`validation ${AC.ValidationEvent[event.event]}: ${event.message}`);
  }
  return problems;
}
