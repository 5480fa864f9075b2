// The sign-in dialog for hosts without nested app authentication: MSAL signs in by redirect inside the dialog,
// and the token goes back to the page that opened it: through Office's messageParent in Outlook, through
// teams-js's authentication.notifySuccess in Teams (teamsHost.ts opens it with host=teams).
import { createStandardPublicClientApplication } from '@azure/msal-browser';
import type { DialogResult } from '../shared/auth/signIn.ts';

const params = new URLSearchParams(location.search);
// The redirect comes back without the query string, so the host is kept for the second visit too.
const host = params.get('host') ?? sessionStorage.getItem('host') ?? 'office';
sessionStorage.setItem('host', host);

async function reply(result: DialogResult): Promise<void> {
  if (host === 'teams') {
    const { answerTeamsSignIn } = await import('../teams/teamsHost.ts');
    return answerTeamsSignIn(result);
  }
  const { sendToParent, whenOfficeReady } = await import('../outlook/office/mailHost.ts');
  sendToParent(await whenOfficeReady(), JSON.stringify(result));
}

try {
  const clientId = params.get('clientId') ?? sessionStorage.getItem('clientId') ?? '';
  const authority = params.get('authority') ?? sessionStorage.getItem('authority') ?? '';
  const scopes = (params.get('scopes') ?? sessionStorage.getItem('scopes') ?? '').split(' ').filter(Boolean);
  // The redirect comes back without the query string, so keep it for the second visit.
  sessionStorage.setItem('clientId', clientId);
  sessionStorage.setItem('authority', authority);
  sessionStorage.setItem('scopes', scopes.join(' '));
  const pca = await createStandardPublicClientApplication({
    auth: { clientId, authority, redirectUri: `${location.origin}/addin/dialog.html` },
  });
  const result = await pca.handleRedirectPromise();
  if (result) await reply({ token: result.accessToken });
  else await pca.loginRedirect({ scopes });
} catch (error) {
  await reply({ error: error instanceof Error ? error.message : 'unknown error' });
}
