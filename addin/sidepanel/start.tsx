import type { Root } from 'react-dom/client';
import { connect } from '../api/connect.ts';
import type { AuthHost } from '../auth/signIn.ts';
import { Shell, StartupProblem } from '../taskpane/Shell.tsx';
import { messageOf } from '../taskpane/messages.ts';
import { SidePanel } from './SidePanel.tsx';
import { StageView } from './StageView.tsx';

export interface PanelHost extends AuthHost {
  context(): Promise<{ conversationId: string; frame: string }>;
  shareToStage(url: string): Promise<void>;
  onSave(contentUrl: string): void;
}

/** Starts the side panel, the stage or the configuration page, whichever Teams opened. */
export async function startPanel(root: Root, getHost: () => Promise<PanelHost>) {
  const title = 'Inclusion Partnerships';
  try {
    const host = await getHost();
    const context = await host.context();
    const here = new URL(location.href);
    if (context.frame === 'settings') {
      host.onSave(`${here.origin}/addin/sidepanel.html`);
      root.render(<Shell title={title}>This meeting’s cases will be in the side panel. Press Save.</Shell>);
      return;
    }
    const { api, directory } = await connect(host, here.origin);
    const stageCase = here.searchParams.get('stage');
    if (stageCase) {
      root.render(
        <Shell title={title}>
          <StageView api={api} caseId={stageCase} />
        </Shell>,
      );
      return;
    }
    const stageUrl = (caseId: string) => {
      const url = new URL(here.href);
      url.searchParams.set('stage', caseId);
      return url.toString();
    };
    root.render(
      <Shell title={title}>
        <SidePanel
          api={api}
          directory={directory}
          conversationId={context.conversationId}
          shareToStage={(caseId) => host.shareToStage(stageUrl(caseId))}
        />
      </Shell>,
    );
  } catch (error) {
    root.render(<StartupProblem title={title} message={messageOf(error)} />);
  }
}
