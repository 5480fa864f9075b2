import { createRoot } from 'react-dom/client';
import { createTeamsHost } from '../teamsHost.ts';
import { startReports } from './start.tsx';

void startReports(createRoot(document.getElementById('root') as HTMLElement), createTeamsHost);
