// The Reports page with a stand-in for Teams, for `npm start` and the browser tests: the bot, running locally,
// signs the page in as its local user (config/roles.local.json), so there is no sign-in dialog.
import { createRoot } from 'react-dom/client';
import { standInHost } from '../record/standIn.ts';
import { startReports } from './start.tsx';

void startReports(createRoot(document.getElementById('root') as HTMLElement), async () => standInHost);
