import { createRoot } from 'react-dom/client';
import { connect } from '../api/connect.ts';
import { createMailHost, whenOfficeReady } from '../office/mailHost.ts';
import { App, StartupProblem } from './App.tsx';
import { messageOf } from './messages.ts';

const root = createRoot(document.getElementById('root') as HTMLElement);

async function start() {
  const host = createMailHost(await whenOfficeReady());
  host.check();
  const { api, directory } = await connect(host, location.origin);
  root.render(<App host={host} api={api} directory={directory} />);
}

start().catch((error: unknown) => root.render(<StartupProblem message={messageOf(error)} />));
