import { createRoot } from 'react-dom/client';
import { createTeamsHost } from '../teamsHost.ts';
import { startPanel } from './start.tsx';

void startPanel(createRoot(document.getElementById('root') as HTMLElement), createTeamsHost);
