import type { Root } from 'react-dom/client';
import { connect } from '../../shared/api/connect.ts';
import { Shell, StartupProblem } from '../../shared/Shell.tsx';
import { messageOf } from '../../shared/messages.ts';
import type { TeamsHost } from '../teamsHost.ts';
import { SidePanel } from './SidePanel.tsx';
import { StageView } from './StageView.tsx';
import { TabSettings } from './TabSettings.tsx';

/** Starts the side panel, the stage or the configuration page, whichever Teams opened. */
export async function startPanel(root: Root, getHost: () => Promise<TeamsHost>) {
  const title = 'Inclusion Partnerships';
  try {
    const host = await getHost();
    const here = new URL(location.href);
    const tab = await host.tab();
    if (tab.frame === 'settings') {
      root.render(
        <Shell title={title}>
          <TabSettings origin={here.origin} inChat={tab.inChat} onSave={host.onSave} />
        </Shell>,
      );
      return;
    }
    const context = await host.context();
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
