// The printable decision record on this computer (`npm start`, the browser tests, the local case card's Record
// button): the bot, running locally, signs the page in as its local user.
import { createRoot } from 'react-dom/client';
import { startRecord } from './start.tsx';
import { standInHost } from './standIn.ts';

void startRecord(createRoot(document.getElementById('root') as HTMLElement), async () => standInHost);
