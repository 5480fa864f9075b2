import { notice, type CardElement } from './adaptive.ts';

/** What a card may say above its content: a refusal, an error to fix, or a confirmation. */
export interface Notice {
  message: string;
  tone: 'attention' | 'good' | 'warning';
  /** The input the notice is about: it is shown right under that input, not at the top of a tall card. */
  field?: string;
}

/**
 * The form's elements with the notice under the input it names, or under the container holding it (else at the
 * top, under the heading).
 */
export function withNoticeBeside(elements: CardElement[], problem?: Notice): CardElement[] {
  if (!problem) return elements;
  const holds = (element: CardElement) =>
    element.id === problem.field || JSON.stringify(element).includes(`"id":${JSON.stringify(problem.field)}`);
  const at = problem.field ? elements.findIndex(holds) : -1;
  const place = at >= 0 ? at + 1 : 1;
  return [...elements.slice(0, place), notice(problem.message, problem.tone), ...elements.slice(place)];
}
