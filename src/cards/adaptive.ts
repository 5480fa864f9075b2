/**
 * Plain builders for Adaptive Cards (schema 1.5, Universal Actions). Cards are data: the bot sends them, the
 * tests parse them with the adaptivecards renderer. Every Action.Execute carries an Action.Submit fallback for
 * Teams clients that do not support Universal Actions; the bot handles both.
 */

export type CardElement = Record<string, unknown>;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: '1.5';
  body: CardElement[];
  actions?: CardElement[];
  refresh?: { action: CardElement; userIds?: string[] };
  fallbackText: string;
}

export function card(
  body: CardElement[],
  actions: CardElement[] = [],
  refresh?: AdaptiveCard['refresh'],
): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(actions.length > 0 ? { actions } : {}),
    ...(refresh ? { refresh } : {}),
    fallbackText: 'This card needs a newer version of Microsoft Teams.',
  };
}

// Characters Teams' card markdown gives a meaning to. Text a person typed (an identifier, a name) is escaped so
// it is shown as typed and can never become a link or formatting.
const MARKDOWN = /[\\`*_{}[\]()#+\-.!|~>]/g;

/** Escapes text that came from a person for a TextBlock or a fact. */
export const md = (value: string) => value.replace(MARKDOWN, (character) => `\\${character}`);

export const text = (value: string, options: CardElement = {}): CardElement => ({
  type: 'TextBlock',
  text: value,
  wrap: true,
  ...options,
});

export const heading = (value: string): CardElement =>
  text(value, { size: 'Large', weight: 'Bolder', style: 'heading' });

export const subheading = (value: string): CardElement =>
  text(value, { weight: 'Bolder', spacing: 'Medium' });

/**
 * A line that stands out: bold, and for a refusal or a warning in the accent colour. Teams' "Good" and
 * "Warning" colours are light green and yellow (about 2:1 on its light theme) and "Attention" is too dark on
 * its dark theme, so none is used: every text colour must meet WCAG AA (4.5:1) in Teams' light, dark and
 * high-contrast themes (test/cards/cards.test.ts). The words say what kind of notice it is.
 */
export const notice = (value: string, tone: 'attention' | 'good' | 'warning' = 'attention'): CardElement =>
  text(value, { ...(tone === 'good' ? {} : { color: 'Accent' }), weight: 'Bolder' });

export const facts = (pairs: readonly (readonly [string, string])[]): CardElement => ({
  type: 'FactSet',
  facts: pairs.map(([title, value]) => ({ title, value })),
});

export const bullets = (items: readonly string[]): CardElement =>
  text(items.map((item) => `- ${item}`).join('\r'));

export const actionSet = (actions: CardElement[]): CardElement => ({ type: 'ActionSet', actions });

/** A Universal Action (Action.Execute) with its Action.Submit fallback carrying the same verb and data. */
export function execute(
  verb: string,
  title: string,
  data: Record<string, unknown> = {},
  style?: 'positive' | 'destructive',
): CardElement {
  return {
    type: 'Action.Execute',
    verb,
    title,
    data,
    ...(style ? { style } : {}),
    fallback: { type: 'Action.Submit', title, data: { ...data, verb } },
  };
}

/** A button that opens a card inline beneath it, e.g. to confirm a step before its Action.Execute. */
export const showCard = (title: string, body: CardElement[], actions: CardElement[]): CardElement => ({
  type: 'Action.ShowCard',
  title,
  card: { type: 'AdaptiveCard', body, actions },
});

/** A row of a list: its lines, and one button at the end (Open, Review …). */
export const listRow = (lines: CardElement[], button: CardElement): CardElement => ({
  type: 'ColumnSet',
  separator: true,
  columns: [
    { type: 'Column', width: 'stretch', items: lines },
    { type: 'Column', width: 'auto', items: [actionSet([button])] },
  ],
});
