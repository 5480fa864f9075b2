import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { PartnershipSettings } from '../../../src/settings/settings.ts';
import { formatLongDate, parseIsoDate } from '../../../src/text/dates.ts';
import { ConfirmRemove } from './EditDialog.tsx';
import { useAdminStyles } from './styles.ts';
import type { FieldProblems } from './problems.ts';
import type { SaveOutcome } from './useAdminView.ts';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  item: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  date: { minWidth: '12em' },
  add: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

/** "15 January 2027" from "2027-01-15". */
const long = (iso: string) => {
  const date = parseIsoDate(iso);
  return date ? formatLongDate(date) : iso;
};

/**
 * The service's problems with a list of dates: those about the whole list or the date being added go beside the
 * date field, one about another date names it.
 */
function placeProblems(problems: FieldProblems, dates: readonly string[], added: string | undefined) {
  let field: string | undefined;
  const others: string[] = [];
  for (const [path, message] of Object.entries(problems)) {
    const index = /^forumDates\.(\d+)$/.exec(path)?.[1];
    const date = index === undefined ? undefined : dates[Number(index)];
    if (path === 'forumDates' || (date !== undefined && date === added)) field ??= message;
    else if (date !== undefined) others.push(`${long(date)}: ${message}`);
    else others.push(path ? `${path}: ${message}` : message);
  }
  return { field, others };
}

/**
 * The dates of a partnership's Inclusion Forums, in date order: an action plan's review date defaults to the forum
 * nearest six weeks after the meeting. Its coordinators and the administrators add and remove them.
 */
export function ForumDates({
  partnership,
  save,
}: {
  partnership: PartnershipSettings;
  save: (next: PartnershipSettings, done: string) => Promise<SaveOutcome>;
}) {
  const styles = { ...useAdminStyles(), ...useStyles() };
  const dates = [...partnership.forumDates].sort();
  const [date, setDate] = useState('');
  const [problems, setProblems] = useState<{ field?: string | undefined; others: string[] }>({ others: [] });
  const [busy, setBusy] = useState(false);
  const [removing, setRemoving] = useState<string | undefined>();
  const [removeProblems, setRemoveProblems] = useState<string[]>([]);

  async function add(event: React.FormEvent) {
    event.preventDefault();
    if (!parseIsoDate(date)) {
      setProblems({ field: 'Choose a date, for example 15 January 2027.', others: [] });
      return;
    }
    if (dates.includes(date)) {
      setProblems({ field: `${long(date)} is listed already.`, others: [] });
      return;
    }
    const next = [...dates, date].sort();
    setBusy(true);
    const outcome = await save(
      { ...partnership, forumDates: next },
      `${long(date)} is an Inclusion Forum date of ${partnership.id}.`,
    );
    setBusy(false);
    if (outcome.saved) {
      setDate('');
      setProblems({ others: [] });
    } else if (!outcome.stale) setProblems(placeProblems(outcome.problems, next, date));
  }

  async function remove(): Promise<boolean> {
    if (removing === undefined) return true;
    const outcome = await save(
      { ...partnership, forumDates: dates.filter((item) => item !== removing) },
      `${long(removing)} is no longer an Inclusion Forum date of ${partnership.id}.`,
    );
    if (!outcome.saved && !outcome.stale) {
      const placed = placeProblems(outcome.problems, dates, undefined);
      setRemoveProblems([...(placed.field ? [placed.field] : []), ...placed.others]);
    }
    return outcome.saved || outcome.stale === true;
  }

  return (
    <section className={styles.column} aria-labelledby="forum-dates-heading">
      <Text as="h2" id="forum-dates-heading" size={400} weight="semibold">
        Inclusion Forum dates of {partnership.id}
      </Text>
      <Text as="p">
        An action plan’s review date is the forum nearest six weeks after the meeting, unless the coordinator
        chooses another.
      </Text>
      {dates.length === 0 ? (
        <Text>No forum dates yet: a plan’s review date is six weeks after the meeting.</Text>
      ) : (
        <ul className={styles.list} aria-label={`Inclusion Forum dates of ${partnership.id}`}>
          {dates.map((item) => (
            <li key={item} className={styles.item}>
              <Text className={styles.date}>{long(item)}</Text>
              <Button
                size="small"
                aria-label={`Remove ${long(item)}`}
                onClick={() => {
                  setRemoveProblems([]);
                  setRemoving(item);
                }}
              >
                Remove
              </Button>
            </li>
          ))}
        </ul>
      )}
      <form
        className={styles.add}
        aria-label="Add a forum date"
        onSubmit={(event) => void add(event)}
        noValidate
      >
        <Field label="Date of a forum" validationMessage={problems.field ?? null}>
          <Input type="date" value={date} onChange={(_, data) => setDate(data.value)} />
        </Field>
        <Button type="submit" disabled={busy}>
          {busy ? 'Adding…' : 'Add the date'}
        </Button>
      </form>
      {problems.others.length > 0 && (
        <MessageBar intent="error">
          <MessageBarBody>{problems.others.join(' ')}</MessageBarBody>
        </MessageBar>
      )}
      {removing && (
        <ConfirmRemove
          question={`Remove ${long(removing)} from ${partnership.id}’s forum dates? Plans already reviewed on it keep their date.`}
          problems={removeProblems}
          onClose={() => setRemoving(undefined)}
          onConfirm={remove}
        />
      )}
    </section>
  );
}
