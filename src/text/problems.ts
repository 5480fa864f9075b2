import type { z } from 'zod';

/**
 * How a zod refusal is said, in one place: every input checked with a schema (card data, API bodies, settings,
 * flows, plans) turns its issues into these, so a message always names the place that is wrong.
 */
export interface Problem {
  /** Path of what is wrong, e.g. `actions.1.by`; `whole` when the input as a whole is. */
  path: string;
  message: string;
  /** What was given there, when the schema was asked to report it (`reportInput`). */
  input?: unknown;
}

/**
 * How a path is written: `actions.1.by`, or as a person reads a settings document, `partnerships[2].name`;
 * `under` is where the input itself sits, when it is part of a larger document.
 */
export interface PathOptions {
  style?: 'dotted' | 'bracketed';
  under?: readonly PropertyKey[];
}

/** A path as text: `actions.1.by`, or bracketed, `partnerships[2].schools[4].cityBapMember`. */
function pathText(path: readonly PropertyKey[], style: PathOptions['style'] = 'dotted'): string {
  if (style === 'dotted') return path.map(String).join('.');
  return path.reduce<string>(
    (text, part) =>
      typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${String(part)}` : String(part),
    '',
  );
}

/** Every problem zod found, each with its path (`whole` names the input itself). */
export function problemsOf(error: z.ZodError, whole = '(the input)', options: PathOptions = {}): Problem[] {
  return error.issues.map((issue) => ({
    path: pathText([...(options.under ?? []), ...issue.path], options.style) || whole,
    message: issue.message,
    ...('input' in issue && issue.input !== undefined ? { input: issue.input } : {}),
  }));
}

/** The first problem zod found. */
export function firstProblem(error: z.ZodError, whole = '(the input)', options: PathOptions = {}): Problem {
  return problemsOf(error, whole, options)[0] ?? { path: whole, message: 'not valid' };
}

/** The first problem as one line: `actions.1.by: Give a date`. */
export function firstProblemText(
  error: z.ZodError,
  whole = '(the input)',
  options: PathOptions = {},
): string {
  const problem = firstProblem(error, whole, options);
  return `${problem.path}: ${problem.message}`;
}
