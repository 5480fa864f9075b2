import type { Root } from 'react-dom/client';
import { createAdminApi } from '../../shared/api/client.ts';
import type { AuthHost } from '../../shared/auth/signIn.ts';
import { startTabPage } from '../startTabPage.tsx';
import { AdminPage } from './AdminPage.tsx';

/** Starts the Administration page: signs in as the side panel does, then shows what this person may manage. */
export const startAdmin = (root: Root, getHost: () => Promise<AuthHost>) =>
  startTabPage(root, getHost, 'Inclusion Partnerships administration', ({ token }, origin) => (
    <AdminPage api={createAdminApi(origin, token)} />
  ));
