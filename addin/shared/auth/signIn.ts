import type { IPublicClientApplication } from '@azure/msal-browser';
import type { AddinConfig } from '../../../src/api/contract.ts';
import { ReasonedError } from '../../../src/errors.ts';

/** What sign-in needs from its host (Outlook or Teams): whether NAA works, and a dialog for the fallback. */
export interface AuthHost {
  /** True when the host can sign in through nested app authentication. */
  supportsNestedAppAuth(): boolean;
  /** Opens the host's dialog and resolves with the first message it sends back (the sign-in fallback). */
  openDialog(url: string): Promise<string>;
}

/**
 * Silent sign-in where Outlook allows it: MSAL nested app authentication, with a popup only when consent is
 * needed. Where nested app authentication is not supported, Microsoft's documented fallback: an Office dialog
 * that signs in with MSAL and hands the token back. The local preview uses a stand-in user instead.
 */

export class SignInError extends ReasonedError<'signInFailed'> {
  constructor(message: string, options?: ErrorOptions) {
    super('signInFailed', message, options);
  }
}

export type TokenSource = () => Promise<string>;

export const DANGEROUSLY_LOCAL_TOKEN_PREFIX = 'dangerously-local:';

/** The dialog's message back to the task pane: a token, or why there is none. */
export type DialogResult = { token: string } | { error: string };

async function nestedAppAuth(auth: Extract<AddinConfig['auth'], { kind: 'entra' }>): Promise<TokenSource> {
  // MSAL is loaded only when it is needed, so it does not weigh on the task pane's first paint.
  const { createNestablePublicClientApplication, InteractionRequiredAuthError } =
    await import('@azure/msal-browser');
  let pca: IPublicClientApplication;
  try {
    pca = await createNestablePublicClientApplication({
      auth: { clientId: auth.clientId, authority: auth.authority },
    });
  } catch (error) {
    throw new SignInError('Outlook could not start single sign-on for the add-in.', { cause: error });
  }
  return async () => {
    const request = { scopes: auth.scopes };
    try {
      return (await pca.acquireTokenSilent(request)).accessToken;
    } catch (error) {
      if (!(error instanceof InteractionRequiredAuthError))
        throw new SignInError('Signing in silently failed. Try again.', { cause: error });
    }
    try {
      return (await pca.acquireTokenPopup(request)).accessToken;
    } catch (error) {
      throw new SignInError(
        'You need to sign in to use the add-in. The sign-in window was closed or blocked.',
        { cause: error },
      );
    }
  };
}

function dialogFallback(
  auth: Extract<AddinConfig['auth'], { kind: 'entra' }>,
  host: AuthHost,
  origin: string,
): TokenSource {
  let cached: { token: string; until: number } | undefined;
  return async () => {
    if (cached && cached.until > Date.now()) return cached.token;
    const url = new URL('/addin/dialog.html', origin);
    url.searchParams.set('clientId', auth.clientId);
    url.searchParams.set('authority', auth.authority);
    url.searchParams.set('scopes', auth.scopes.join(' '));
    const reply = JSON.parse(await host.openDialog(url.toString())) as DialogResult;
    if ('error' in reply) throw new SignInError(`Signing in failed: ${reply.error}`);
    // Access tokens last about an hour; ask again after 50 minutes.
    cached = { token: reply.token, until: Date.now() + 50 * 60_000 };
    return reply.token;
  };
}

export async function createSignIn(
  auth: AddinConfig['auth'],
  host: AuthHost,
  origin: string,
): Promise<TokenSource> {
  if (auth.kind === 'dangerouslyLocal') {
    const token = `${DANGEROUSLY_LOCAL_TOKEN_PREFIX}${auth.user.id}`;
    return async () => token;
  }
  return host.supportsNestedAppAuth() ? nestedAppAuth(auth) : dialogFallback(auth, host, origin);
}
