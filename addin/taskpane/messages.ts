import { ApiError } from '../api/client.ts';
import { SignInError } from '../auth/signIn.ts';
import { HostError } from '../office/mailHost.ts';

/** A failure as a coordinator should read it: never a stack trace or a blank pane. */
export function messageOf(error: unknown): string {
  if (error instanceof HostError || error instanceof ApiError || error instanceof SignInError)
    return error.message;
  return 'Something went wrong and nothing was changed. Please try again.';
}
