import { ReasonedError } from '../../src/errors.ts';
/** A failure as a coordinator should read it: never a stack trace or a blank pane. */
export function messageOf(error: unknown): string {
  if (error instanceof ReasonedError) return error.message;
  return 'Something went wrong and nothing was changed. Please try again.';
}
