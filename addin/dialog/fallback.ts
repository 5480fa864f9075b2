// The sign-in dialog for hosts without nested app authentication: MSAL signs in by redirect inside the Office
// dialog, and the token goes back to the task pane through the Office module.
import { createStandardPublicClientApplication } from '@azure/msal-browser';
import type { DialogResult } from '../auth/signIn.ts';
import { sendToParent, whenOfficeReady } from '../office/mailHost.ts';

const office = await whenOfficeReady();
const reply = (result: DialogResult) => sendToParent(office, JSON.stringify(result));

try {
  const params = new URLSearchParams(location.search);
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
  if (result) reply({ token: result.accessToken });
  else await pca.loginRedirect({ scopes });
} catch (error) {
  reply({ error: error instanceof Error ? error.message : 'unknown error' });
}
