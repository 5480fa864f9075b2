import type { AddinConfig } from '../../../src/api/contract.ts';
import type { Directory } from '../../../src/directory/directory.ts';
import { createSignIn, type AuthHost, type TokenSource } from '../auth/signIn.ts';
import { ApiError, createApiClient, type ApiClient } from './client.ts';

/**
 * The start of every page: read how to sign in, sign in, then read the directory. The directory's checks (zod)
 * are not needed for the first paint, so they load on their own: a page may start loading them sooner and pass
 * them in. The token source is for a page's own client (the Administration page's).
 */
export async function connect(
  host: AuthHost,
  origin: string,
  directoryModule = import('../../../src/directory/directory.ts'),
): Promise<{ api: ApiClient; directory: Directory; config: AddinConfig; token: TokenSource }> {
  let token: TokenSource = () => Promise.reject(new ApiError('signInNeeded', 'Not signed in yet.'));
  const api = createApiClient(origin, () => token());
  const config = await api.config();
  token = await createSignIn(config.auth, host, origin);
  // The directory names staff and their addresses: it is read once signed in.
  const [raw, { parseDirectory }] = await Promise.all([api.directory(), directoryModule]);
  const directory = parseDirectory(raw);
  if (!directory.ok)
    throw new ApiError('serverError', 'The service sent a directory of schools the add-in cannot read.');
  return { api, directory: directory.value, config, token };
}
