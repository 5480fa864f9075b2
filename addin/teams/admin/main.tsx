import { createRoot } from 'react-dom/client';
import { createTeamsHost } from '../teamsHost.ts';
import { startAdmin } from './start.tsx';

void startAdmin(createRoot(document.getElementById('root') as HTMLElement), createTeamsHost);
