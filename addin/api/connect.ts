import type { AddinConfig } from '../../src/api/contract.ts';
import type { Directory } from '../../src/directory/directory.ts';
import { createSignIn, type AuthHost, type TokenSource } from '../auth/signIn.ts';
import { ApiError, createApiClient, type ApiClient } from './client.ts';

/**
 * The start of every page: read the service's settings and directory, then sign in as they say. The directory's
 * checks (zod) are not needed for the first paint, so they load on their own: a page may start loading them
 * sooner and pass them in. The token source is for a page's own client (the Administration page's).
 */
export async function connect(
  host: AuthHost,
  origin: string,
  directoryModule = import('../../src/directory/directory.ts'),
): Promise<{ api: ApiClient; directory: Directory; config: AddinConfig; token: TokenSource }> {
  let token: TokenSource = () => Promise.reject(new ApiError('signInNeeded', 'Not signed in yet.'));
  const api = createApiClient(origin, () => token());
  const [config, { parseDirectory }] = await Promise.all([api.config(), directoryModule]);
  const directory = parseDirectory(config.directory);
  if (!directory.ok)
    throw new ApiError('serverError', 'The service sent a directory of schools the add-in cannot read.');
  token = await createSignIn(config.auth, host, origin);
  return { api, directory: directory.value, config, token };
}
