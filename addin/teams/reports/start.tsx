import type { Root } from 'react-dom/client';
import { ukIsoDate } from '../../../src/text/dates.ts';
import type { AuthHost } from '../../shared/auth/signIn.ts';
import { startTabPage } from '../startTabPage.tsx';
import { ReportsPage } from './ReportsPage.tsx';
import { createReportsApi } from './reportsApi.ts';

/** Starts the Reports page: signs in as the Administration page does, then shows the reports this person may see. */
export const startReports = (root: Root, getHost: () => Promise<AuthHost>) =>
  startTabPage(root, getHost, 'Inclusion Partnerships reports', ({ token, directory }, origin) => (
    <ReportsPage api={createReportsApi(origin, token)} directory={directory} today={ukIsoDate(new Date())} />
  ));
