import { createRoot } from 'react-dom/client';
import { createTeamsHost } from '../teamsHost.ts';
import { startRecord } from './start.tsx';

void startRecord(createRoot(document.getElementById('root') as HTMLElement), createTeamsHost);
