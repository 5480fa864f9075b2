// Imported first, so the downloads it starts overlap the evaluation of the modules below.
import { appModule, directoryModule } from './preload.ts';
import { Spinner } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { connect } from '../../shared/api/connect.ts';
import { createMailHost, whenOfficeReady } from '../office/mailHost.ts';
import { messageOf } from '../../shared/messages.ts';
import { Shell, StartupProblem } from '../../shared/Shell.tsx';

const title = 'Inclusion Partnerships emails';
const root = createRoot(document.getElementById('root') as HTMLElement);
root.render(
  <Shell title={title}>
    <Spinner size="small" label="Connecting…" />
  </Shell>,
);

async function connectToOutlook() {
  const host = createMailHost(await whenOfficeReady());
  host.check();
  return { host, ...(await connect(host, location.origin, directoryModule)) };
}

async function start() {
  const [{ App }, { host, api, directory }] = await Promise.all([appModule, connectToOutlook()]);
  root.render(
    <Shell title={title}>
      <App host={host} api={api} directory={directory} />
    </Shell>,
  );
}

start().catch((error: unknown) => root.render(<StartupProblem title={title} message={messageOf(error)} />));
