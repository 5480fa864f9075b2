import { createRoot } from 'react-dom/client';
import { parseDirectory } from '../../src/directory/directory.ts';
import { ApiError, createApiClient } from '../api/client.ts';
import { createSignIn, type TokenSource } from '../auth/signIn.ts';
import { createMailHost, whenOfficeReady } from '../office/mailHost.ts';
import { App, StartupProblem } from './App.tsx';
import { messageOf } from './messages.ts';

const root = createRoot(document.getElementById('root') as HTMLElement);

async function start() {
  const host = createMailHost(await whenOfficeReady());
  host.check();
  let token: TokenSource = () => Promise.reject(new Error('not signed in yet'));
  const api = createApiClient(location.origin, () => token());
  const config = await api.config();
  const directory = parseDirectory(config.directory);
  if (!directory.ok)
    throw new ApiError('serverError', 'The service sent a directory of schools the add-in cannot read.');
  token = await createSignIn(config.auth, host, location.origin);
  root.render(<App host={host} api={api} directory={directory.value} />);
}

start().catch((error: unknown) => root.render(<StartupProblem message={messageOf(error)} />));
