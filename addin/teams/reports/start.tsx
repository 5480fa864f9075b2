import { Spinner } from '@fluentui/react-components';
import type { Root } from 'react-dom/client';
import { ukIsoDate } from '../../../src/text/dates.ts';
import { connect } from '../../shared/api/connect.ts';
import type { AuthHost } from '../../shared/auth/signIn.ts';
import { Shell, StartupProblem } from '../../shared/Shell.tsx';
import { messageOf } from '../../shared/messages.ts';
import { ReportsPage } from './ReportsPage.tsx';
import { createReportsApi } from './reportsApi.ts';

const title = 'Inclusion Partnerships reports';

/** Starts the Reports page: signs in as the Administration page does, then shows the reports this person may see. */
export async function startReports(root: Root, getHost: () => Promise<AuthHost>) {
  root.render(
    <Shell title={title}>
      <Spinner label="Signing in…" />
    </Shell>,
  );
  try {
    const host = await getHost();
    const { origin } = new URL(location.href);
    const { token, directory } = await connect(host, origin);
    root.render(
      <Shell title={title}>
        <ReportsPage
          api={createReportsApi(origin, token)}
          directory={directory}
          today={ukIsoDate(new Date())}
        />
      </Shell>,
    );
  } catch (error) {
    root.render(<StartupProblem title={title} message={messageOf(error)} />);
  }
}
