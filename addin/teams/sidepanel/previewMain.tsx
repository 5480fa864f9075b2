// The side panel with a stand-in for Teams, for `npm start` and the browser tests: the meeting chat comes from
// ?conversation=, and "share to the stage" shows the stage view in the page's stand-in stage.
import { createRoot } from 'react-dom/client';
import type { TeamsHost } from '../teamsHost.ts';
import { startPanel } from './start.tsx';

const here = new URL(location.href);
const standIn: TeamsHost = {
  tab: async () => ({ frame: here.searchParams.has('stage') ? 'meetingStage' : 'sidePanel', inChat: true }),
  context: async () => ({
    conversationId: here.searchParams.get('conversation') ?? '19:preview-meeting@thread.v2',
    frame: here.searchParams.has('stage') ? 'meetingStage' : 'sidePanel',
  }),
  async shareToStage(url) {
    const stage = window.parent.document.getElementById('stage') as HTMLIFrameElement | null;
    if (stage) stage.src = url;
  },
  onSave: () => undefined,
  supportsNestedAppAuth: () => false,
  openDialog: () => Promise.reject(new Error('no sign-in dialog in the preview')),
};

void startPanel(createRoot(document.getElementById('root') as HTMLElement), async () => standIn);
