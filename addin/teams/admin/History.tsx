import {
  Dropdown,
  Field,
  MessageBar,
  MessageBarBody,
  Option,
  SearchBox,
  Spinner,
  Text,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { AdminView, HistoryEntryView } from '../../../src/api/adminContract.ts';
import type { PartnershipId } from '../../../src/templates/fields.ts';
import type { AdminApi } from '../../shared/api/client.ts';
import { messageOf } from '../../shared/messages.ts';
import { useAdminStyles } from './styles.ts';
import { useCardListStyles } from '../cardList.ts';
import { formatDateTime } from '../../../src/text/dates.ts';

type About = 'administrators' | 'county' | PartnershipId;

const whoOf = (entry: HistoryEntryView) =>
  entry.actorName ?? (entry.kind === 'seed' ? 'First set up from the configuration files' : 'Unknown');

/** Every change to the settings this person can see, newest first: when, who, and what changed. */
export function History({ api, view }: { api: AdminApi; view: AdminView }) {
  const styles = { ...useAdminStyles(), ...useCardListStyles() };
  const choices: { about: About; label: string }[] = [
    ...(view.administrators ? [{ about: 'administrators' as const, label: 'Administrators' }] : []),
    { about: 'county', label: 'County' },
    ...view.partnerships.map((item) => ({
      about: item.value.id,
      label: `${item.value.id} – ${item.value.name}`,
    })),
  ];
  const [about, setAbout] = useState<About | 'all'>('all');
  const [entries, setEntries] = useState<HistoryEntryView[] | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const [query, setQuery] = useState('');

  useEffect(() => {
    setEntries(undefined);
    setProblem(undefined);
    const abouts = about === 'all' ? choices.map((choice) => choice.about) : [about];
    Promise.all(abouts.map((item) => api.history(item))).then(
      (lists) => {
        // One change can touch several documents: each is listed once, newest first.
        const byId = new Map(lists.flat().map((entry) => [entry.id, entry]));
        setEntries([...byId.values()].sort((a, b) => b.id - a.id));
      },
      (error: unknown) => setProblem(messageOf(error)),
    );
  }, [api, about]); // The choices come from the view, whose documents do not come or go while it is open.

  const needle = query.trim().toLocaleLowerCase('en-GB');
  const shown = (entries ?? []).filter(
    (entry) =>
      !needle ||
      [whoOf(entry), ...entry.changes.flatMap((change) => change.lines)].some((text) =>
        text.toLocaleLowerCase('en-GB').includes(needle),
      ),
  );
  const label =
    about === 'all' ? 'Everything' : (choices.find((choice) => choice.about === about)?.label ?? '');
  return (
    <section className={styles.column} aria-labelledby="history-heading">
      <Text as="h2" id="history-heading" size={400} weight="semibold">
        History
      </Text>
      <Field label="Changes to">
        <Dropdown
          value={label}
          selectedOptions={[about]}
          onOptionSelect={(_, data) => setAbout((data.optionValue ?? 'all') as About | 'all')}
        >
          <Option value="all">Everything</Option>
          {choices.map((choice) => (
            <Option key={choice.about} value={choice.about}>
              {choice.label}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <SearchBox
        aria-label="Search the history"
        placeholder="Search"
        value={query}
        onChange={(_, data) => setQuery(data.value)}
      />
      {problem ? (
        <MessageBar intent="error">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      ) : !entries ? (
        <Spinner size="small" label="Loading the history…" />
      ) : shown.length === 0 ? (
        <Text>{entries.length === 0 ? 'No changes yet.' : `Nothing matches “${query}”.`}</Text>
      ) : (
        <ul className={styles.list} aria-label="Changes, newest first">
          {shown.map((entry) => (
            <li key={entry.id} className={styles.entry}>
              <Text block weight="semibold">
                {formatDateTime(new Date(entry.at), ', ')} · {whoOf(entry)}
              </Text>
              <ul className={styles.inner}>
                {entry.changes.flatMap((change) =>
                  change.lines.map((line, index) => (
                    <li key={`${change.key}-${index}`}>
                      <Text>{line}</Text>
                    </li>
                  )),
                )}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
