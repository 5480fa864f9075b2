import { Tab, TabList } from '@fluentui/react-components';
import { lazy, useState } from 'react';
import type { Directory } from '../../../src/directory/directory.ts';
import type { ApiClient } from '../../shared/api/client.ts';
import type { MailHost } from '../office/mailHost.ts';
import { CasesPanel } from './CasesPanel.tsx';
import { OnDemand } from './OnDemand.tsx';

export interface AppProps {
  host: MailHost;
  api: ApiClient;
  directory: Directory;
}

// Loaded when the tab is first chosen (and prefetched once the pane shows), so it stays out of the first paint.
const WithoutCasePanel = lazy(async () => ({
  default: (await import(/* webpackPrefetch: true */ './WithoutCasePanel.tsx')).WithoutCasePanel,
}));

/** The pane's content once connected; main.tsx puts it in the Shell that showed "Connecting…". */
export function App({ host, api, directory }: AppProps) {
  const [tab, setTab] = useState<'cases' | 'withoutCase'>('cases');
  return (
    <>
      <TabList selectedValue={tab} onTabSelect={(_, data) => setTab(data.value as 'cases' | 'withoutCase')}>
        <Tab value="cases">Emails to send</Tab>
        <Tab value="withoutCase">Without a case</Tab>
      </TabList>
      <div role="tabpanel" aria-label={tab === 'cases' ? 'Emails to send' : 'Without a case'}>
        {tab === 'cases' ? (
          <CasesPanel api={api} host={host} directory={directory} />
        ) : (
          <OnDemand>
            <WithoutCasePanel host={host} directory={directory} />
          </OnDemand>
        )}
      </div>
    </>
  );
}
