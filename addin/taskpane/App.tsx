import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Tab,
  TabList,
  Text,
  makeStyles,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { Directory } from '../../src/directory/directory.ts';
import type { ApiClient } from '../api/client.ts';
import type { MailHost } from '../office/mailHost.ts';
import { CasesPanel } from './CasesPanel.tsx';
import { WithoutCasePanel } from './WithoutCasePanel.tsx';

const useStyles = makeStyles({
  pane: {
    padding: tokens.spacingHorizontalM,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
});

export interface AppProps {
  host: MailHost;
  api: ApiClient;
  directory: Directory;
}

export function Shell({
  children,
  title = 'Inclusion Partnerships emails',
}: {
  children: React.ReactNode;
  title?: string;
}) {
  const styles = useStyles();
  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.pane}>
        <Text as="h1" size={500} weight="semibold">
          {title}
        </Text>
        {children}
      </main>
    </FluentProvider>
  );
}

/** Shown instead of a blank pane when the add-in cannot start. */
export function StartupProblem({ message, title }: { message: string; title?: string }) {
  return (
    <Shell {...(title ? { title } : {})}>
      <MessageBar intent="error">
        <MessageBarBody>
          <MessageBarTitle>The add-in cannot start</MessageBarTitle>
          {message}
        </MessageBarBody>
      </MessageBar>
    </Shell>
  );
}

export function App({ host, api, directory }: AppProps) {
  const [tab, setTab] = useState<'cases' | 'withoutCase'>('cases');
  return (
    <Shell>
      <TabList selectedValue={tab} onTabSelect={(_, data) => setTab(data.value as 'cases' | 'withoutCase')}>
        <Tab value="cases">Emails to send</Tab>
        <Tab value="withoutCase">Without a case</Tab>
      </TabList>
      <div role="tabpanel" aria-label={tab === 'cases' ? 'Emails to send' : 'Without a case'}>
        {tab === 'cases' ? (
          <CasesPanel api={api} host={host} directory={directory} />
        ) : (
          <WithoutCasePanel host={host} directory={directory} />
        )}
      </div>
    </Shell>
  );
}
