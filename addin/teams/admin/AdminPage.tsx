import {
  Dropdown,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Button,
  Option,
  Spinner,
  Tab,
  TabList,
  Text,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { SeenPerson } from '../../../src/api/adminContract.ts';
import type { PartnershipId } from '../../../src/templates/fields.ts';
import type { AdminApi } from '../../shared/api/client.ts';
import { Administrators } from './Administrators.tsx';
import { Coordinators } from './Coordinators.tsx';
import { canonicalJson } from '../../../src/settings/canonicalJson.ts';
import { County } from './County.tsx';
import { Resources, Services } from './CountyLists.tsx';
import { ForumDates } from './ForumDates.tsx';
import { History } from './History.tsx';
import { Panel } from './Panel.tsx';
import { Schools } from './Schools.tsx';
import { useAdminStyles } from './styles.ts';
import { partnershipOf, useAdminView } from './useAdminView.ts';
import { VoteSettings } from './VoteSettings.tsx';

const tabs = {
  people: 'People',
  schools: 'Schools',
  votes: 'Vote settings',
  forums: 'Inclusion Forums',
  county: 'County',
  history: 'History',
} as const;
type TabName = keyof typeof tabs;

/** Everyone seen in any of these partnerships' meeting chats, once each, by name. */
async function seenIn(api: AdminApi, partnerships: PartnershipId[]): Promise<SeenPerson[]> {
  const lists = await Promise.all(partnerships.map((id) => api.peopleSeen(id)));
  const byId = new Map(lists.flat().map((person) => [person.aadObjectId, person]));
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}

/**
 * The Administration page: people, schools' key facts, vote settings, forum dates, the County's contacts,
 * services and resources, and the history, each
 * as this person may see and change them (the service decides; `may` says what).
 */
export function AdminPage({ api }: { api: AdminApi }) {
  const styles = useAdminStyles();
  const state = useAdminView(api);
  const [tab, setTab] = useState<TabName>('people');
  const [chosen, setChosen] = useState<PartnershipId | undefined>();
  const { view } = state;

  if (state.problem)
    return (
      <MessageBar intent="error">
        <MessageBarBody>{state.problem}</MessageBarBody>
      </MessageBar>
    );
  if (!view) return <Spinner label="Loading the settings…" />;

  // An administrator who also coordinates starts with their own partnership.
  const partnership = partnershipOf(
    view,
    chosen ?? view.me.coordinates[0] ?? view.partnerships[0]?.value.id ?? 'SLIP',
  );
  const may = partnership ? view.may.partnerships[partnership.value.id] : undefined;
  const perPartnership = tab === 'people' || tab === 'schools' || tab === 'votes' || tab === 'forums';

  return (
    <div className={styles.column}>
      <Text>
        Signed in as {view.me.name}
        {view.me.administrator
          ? ', an administrator.'
          : view.me.coordinates.length > 0
            ? `, coordinating ${view.me.coordinates.join(', ')}.`
            : '.'}
      </Text>
      {state.notice && (
        <MessageBar intent={state.notice.intent}>
          <MessageBarBody>{state.notice.text}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => state.setNotice(undefined)}>
              Dismiss
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <TabList
        selectedValue={tab}
        onTabSelect={(_, data) => setTab(data.value as TabName)}
        aria-label="Administration"
      >
        {(Object.keys(tabs) as TabName[]).map((name) => (
          <Tab key={name} value={name} id={`admin-tab-${name}`} aria-controls="admin-tabpanel">
            {tabs[name]}
          </Tab>
        ))}
      </TabList>
      <div className={styles.column} role="tabpanel" id="admin-tabpanel" aria-labelledby={`admin-tab-${tab}`}>
        {perPartnership && view.partnerships.length > 1 && partnership && (
          <Field label="Partnership">
            <Dropdown
              value={`${partnership.value.id} – ${partnership.value.name}`}
              selectedOptions={[partnership.value.id]}
              onOptionSelect={(_, data) => setChosen(data.optionValue as PartnershipId)}
            >
              {view.partnerships.map((item) => (
                <Option key={item.value.id} value={item.value.id}>
                  {`${item.value.id} – ${item.value.name}`}
                </Option>
              ))}
            </Dropdown>
          </Field>
        )}
        {perPartnership && !partnership && <Text>You do not coordinate a partnership.</Text>}
        {tab === 'people' && (
          <>
            {view.may.administrators && view.administrators && (
              <Administrators
                administrators={view.administrators}
                save={state.saveAdministrators}
                loadSeen={() =>
                  seenIn(
                    api,
                    view.partnerships.map((item) => item.value.id),
                  )
                }
              />
            )}
            {partnership && (
              <>
                <Coordinators
                  partnership={partnership.value}
                  mayChange={may === 'all'}
                  save={state.savePartnership}
                  loadSeen={() => api.peopleSeen(partnership.value.id)}
                />
                <Panel
                  partnership={partnership.value}
                  save={state.savePartnership}
                  loadSeen={() => api.peopleSeen(partnership.value.id)}
                />
              </>
            )}
          </>
        )}
        {tab === 'schools' && partnership && (
          <Schools partnership={partnership.value} save={state.savePartnership} />
        )}
        {tab === 'votes' && partnership && (
          <VoteSettings
            key={`${partnership.value.id}-${partnership.version}`}
            partnership={partnership.value}
            save={state.savePartnership}
          />
        )}
        {tab === 'forums' && partnership && (
          <ForumDates partnership={partnership.value} save={state.savePartnership} />
        )}
        {tab === 'county' && (
          <>
            {/* Started afresh when its own parts change (a save, someone else's), not when a list below is saved. */}
            <County
              key={canonicalJson([
                view.county.value.contacts,
                view.county.value.links,
                view.county.value.allowedRecipientDomains,
              ])}
              county={view.county.value}
              mayChange={view.may.county}
              save={state.saveCounty}
            />
            <Services county={view.county.value} mayChange={view.may.county} save={state.saveCounty} />
            <Resources county={view.county.value} mayChange={view.may.county} save={state.saveCounty} />
          </>
        )}
        {tab === 'history' && <History api={api} view={view} />}
      </div>
    </div>
  );
}
