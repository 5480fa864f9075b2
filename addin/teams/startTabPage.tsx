import { Spinner } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { Root } from 'react-dom/client';
import { connect } from '../shared/api/connect.ts';
import type { AuthHost } from '../shared/auth/signIn.ts';
import { Shell, StartupProblem } from '../shared/Shell.tsx';
import { messageOf } from '../shared/messages.ts';

type Connected = Awaited<ReturnType<typeof connect>>;

/**
 * Starts a Teams tab page (the Administration and Reports pages): "Signing in…", sign-in and the directory as
 * every page does, then the page `show` makes of them, in the frame titled `title`; a failure says what to do.
 */
export async function startTabPage(
  root: Root,
  getHost: () => Promise<AuthHost>,
  title: string,
  show: (connected: Connected, origin: string) => ReactNode,
) {
  root.render(
    <Shell title={title}>
      <Spinner label="Signing in…" />
    </Shell>,
  );
  try {
    const host = await getHost();
    const { origin } = new URL(location.href);
    const connected = await connect(host, origin);
    root.render(<Shell title={title}>{show(connected, origin)}</Shell>);
  } catch (error) {
    root.render(<StartupProblem title={title} message={messageOf(error)} />);
  }
}
