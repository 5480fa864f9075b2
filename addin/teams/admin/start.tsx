import { Spinner } from '@fluentui/react-components';
import type { Root } from 'react-dom/client';
import { connect } from '../../shared/api/connect.ts';
import { createAdminApi } from '../../shared/api/client.ts';
import type { AuthHost } from '../../shared/auth/signIn.ts';
import { Shell, StartupProblem } from '../../shared/Shell.tsx';
import { messageOf } from '../../shared/messages.ts';
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
