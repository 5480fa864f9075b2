import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { lazy, useState } from 'react';
import type { CaseDetail } from '../../../src/api/contract.ts';
import type { Directory } from '../../../src/directory/directory.ts';
import { formatDateTime } from '../../../src/text/dates.ts';
import type { ApiClient } from '../../shared/api/client.ts';
import type { MailHost } from '../office/mailHost.ts';
import { ANONYMOUS_CASE, caseFields, emailStanding } from './caseEmail.ts';
import { messageOf } from '../../shared/messages.ts';
import { OnDemand } from './OnDemand.tsx';
import { useCaseList } from './useCaseList.ts';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    padding: 0,
    margin: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  item: {
    width: '100%',
    justifyContent: 'flex-start',
    textAlign: 'left',
    height: 'auto',
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
  },
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

// Loaded once a case is opened (and prefetched once the pane shows): it brings the templates, the checks and
// the form controls, none of which the list needs.
const EmailPanel = lazy(async () => ({
  default: (await import(/* webpackPrefetch: true */ './EmailPanel.tsx')).EmailPanel,
}));

interface Props {
  api: ApiClient;
  host: MailHost;
  directory: Directory;
}

/** The coordinator's cases with emails still to draft, newest first, searched on the service, a page at a time. */
export function CasesPanel({ api, host, directory }: Props) {
  const styles = useStyles();
  const [search, setSearch] = useState('');
  const list = useCaseList(api, search);
  const [openError, setError] = useState<string | undefined>();
  const error = openError ?? list.error;
  const [detail, setDetail] = useState<CaseDetail | undefined>();
  const [chosen, setChosen] = useState<number>(0);

  async function open(id: string) {
    setError(undefined);
    try {
      const loaded = await api.case(id);
      setDetail(loaded);
      setChosen(
        Math.max(
          0,
          loaded.emails.findIndex((email) => !email.drafted),
        ),
      );
    } catch (failure) {
      setError(messageOf(failure));
    }
  }

  if (error) {
    return (
      <MessageBar intent="error">
        <MessageBarBody>{error}</MessageBarBody>
      </MessageBar>
    );
  }
  const { cases } = list;
  if (!cases) return <Spinner size="small" label="Loading your cases…" />;

  if (detail) {
    const email = detail.emails[chosen];
    return (
      <div className={styles.column}>
        <Button appearance="subtle" onClick={() => setDetail(undefined)}>
          ← All cases
        </Button>
        <Text weight="semibold">
          Case {detail.student} · {detail.schoolName}
        </Text>
        <Text size={200}>{detail.outcomeLabel ?? 'No outcome yet'}</Text>
        {detail.anonymous && <Text size={200}>{ANONYMOUS_CASE}.</Text>}
        <ul className={styles.list} aria-label="Emails for this case">
          {detail.emails.map((item, index) => {
            const standing = emailStanding(item);
            return (
              <li key={`${item.template}-${item.to}`}>
                <Button
                  appearance={index === chosen ? 'primary' : 'secondary'}
                  className={styles.item}
                  aria-pressed={index === chosen}
                  onClick={() => setChosen(index)}
                >
                  <span>
                    {item.title}
                    {standing && (
                      <>
                        <br />
                        <Text size={200}>{standing}</Text>
                      </>
                    )}
                  </span>
                </Button>
              </li>
            );
          })}
        </ul>
        {email && (
          <OnDemand key={`${detail.id}-${email.template}-${email.to}`}>
            <EmailPanel
              template={email.template}
              to={email.to}
              known={caseFields(detail)}
              anonymous={detail.anonymous}
              redraft={email.redraft === true}
              recipient={email.recipient}
              directory={directory}
              host={host}
              onDrafted={async () => {
                const emails = await api.drafted(detail.id, { template: email.template, to: email.to });
                setDetail({ ...detail, emails });
              }}
            />
          </OnDemand>
        )}
      </div>
    );
  }

  return (
    <div className={styles.column}>
      <Field label="Search cases" hint="Identifier, reference or school">
        <Input type="search" value={search} onChange={(_, data) => setSearch(data.value)} />
      </Field>
      {cases.length === 0 ? (
        <Text role="status">
          {list.searched === '' ? 'No emails are waiting to be drafted.' : 'No case matches your search.'}
        </Text>
      ) : (
        <ul className={styles.list} aria-label="Cases with emails to draft">
          {cases.map((item) => (
            <li key={item.id}>
              <Button className={styles.item} onClick={() => void open(item.id)}>
                <span>
                  <strong>{item.student}</strong> · {item.schoolName} · {item.emailsToDraft} to draft
                  <br />
                  <Text size={200}>Started {formatDateTime(new Date(item.startedAt))}</Text>
                </span>
              </Button>
            </li>
          ))}
        </ul>
      )}
      {list.hasMore && (
        <Button onClick={list.showMore} disabledFocusable={list.loading}>
          {list.loading ? 'Loading more cases…' : 'Show more'}
        </Button>
      )}
    </div>
  );
}
