import { Spinner } from '@fluentui/react-components';
import type { Root } from 'react-dom/client';
import { connect } from '../api/connect.ts';
import { createAdminApi } from '../api/client.ts';
import type { AuthHost } from '../auth/signIn.ts';
import { Shell, StartupProblem } from '../taskpane/Shell.tsx';
import { messageOf } from '../taskpane/messages.ts';
import { AdminPage } from './AdminPage.tsx';

const title = 'Inclusion Partnerships administration';

/** Starts the Administration page: signs in as the side panel does, then shows what this person may manage. */
export async function startAdmin(root: Root, getHost: () => Promise<AuthHost>) {
  root.render(
    <Shell title={title}>
      <Spinner label="Signing in…" />
    </Shell>,
  );
  try {
    const host = await getHost();
    const { origin } = new URL(location.href);
    const { token } = await connect(host, origin);
    root.render(
      <Shell title={title}>
        <AdminPage api={createAdminApi(origin, token)} />
      </Shell>,
    );
  } catch (error) {
    root.render(<StartupProblem title={title} message={messageOf(error)} />);
  }
}
