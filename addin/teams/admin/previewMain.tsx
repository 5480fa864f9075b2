// The Administration page with a stand-in for Teams, for `npm start` and the browser tests: the bot, running
// locally, signs the page in as its local user (config/roles.local.json), so there is no sign-in dialog.
import { createRoot } from 'react-dom/client';
import type { AuthHost } from '../../shared/auth/signIn.ts';
import { startAdmin } from './start.tsx';

const standIn: AuthHost = {
  supportsNestedAppAuth: () => false,
  openDialog: () => Promise.reject(new Error('no sign-in dialog in the preview')),
};

void startAdmin(createRoot(document.getElementById('root') as HTMLElement), async () => standIn);
