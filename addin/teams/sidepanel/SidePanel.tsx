import { useCardListStyles } from '../cardList.ts';
import {
  Button,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Option,
  Radio,
  RadioGroup,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import type { MeetingCase } from '../../../src/api/contract.ts';
import type { Directory } from '../../../src/directory/directory.ts';
import type { ApiClient } from '../../shared/api/client.ts';
import { recordHref } from '../record/recordLink.ts';
import { messageOf } from '../../shared/messages.ts';
import { flows } from '../../../src/flows.ts';
import { addedNotice, consentChoices, summaryLines, type Consent } from './forumSummary.ts';

const cityAddressFlow = flows.cityAddress;

const useStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { display: 'flex', alignItems: 'center', justifyContent: 'space-between' },
});

export interface SidePanelProps {
  api: ApiClient;
  directory: Directory;
  conversationId: string;
  /** Shares a case's progress to the meeting stage (identifier only). */
  shareToStage: (caseId: string) => Promise<void>;
}

/**
 * In a meeting: the forum summary (each case's standing, action plan and emails still to draft, as on the bot's
 * summary card), adding referrals to the agenda, and sharing a case to the stage.
 */
export function SidePanel({ api, directory, conversationId, shareToStage }: SidePanelProps) {
  const styles = useStyles();
  const listStyles = useCardListStyles();
  const [cases, setCases] = useState<MeetingCase[] | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const [form, setForm] = useState({
    partnership: directory.partnerships[0]?.id ?? '',
    schoolId: '',
    student: '',
    section: '',
    consent: 'given' as Consent,
  });

  const load = useCallback(() => {
    api.meetingCases(conversationId).then(
      (loaded) => {
        setCases(loaded);
        // A meeting belongs to one partnership: offer its partnership first for new referrals.
        const partnershipOfMeeting = directory.partnerships.find((item) =>
          loaded.some((meetingCase) => item.schools.some((school) => school.name === meetingCase.schoolName)),
        );
        if (partnershipOfMeeting)
          setForm((current) =>
            current.schoolId ? current : { ...current, partnership: partnershipOfMeeting.id },
          );
      },
      (error: unknown) => setProblem(messageOf(error)),
    );
  }, [api, conversationId, directory]);
  useEffect(load, [load]);

  const partnership = directory.partnerships.find((item) => item.id === form.partnership);
  const school = partnership?.schools.find((item) => item.id === form.schoolId);

  async function add() {
    setProblem(undefined);
    try {
      await api.addToAgenda(conversationId, form);
      setNotice(addedNotice(form.student, form.consent));
      setForm({ ...form, schoolId: '', student: '', section: '', consent: 'given' });
      load();
    } catch (error) {
      setProblem(messageOf(error));
    }
  }

  async function share(item: MeetingCase) {
    setProblem(undefined);
    try {
      await shareToStage(item.id);
      setNotice(`Case ${item.student} is on the meeting stage.`);
    } catch (error) {
      setProblem(messageOf(error));
    }
  }

  return (
    <div className={styles.column}>
      {problem && (
        <MessageBar intent="error">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      {notice && (
        <MessageBar intent="success">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.heading}>
        <Text as="h2" weight="semibold">
          This meeting’s cases
        </Text>
        <Button size="small" appearance="subtle" onClick={load}>
          Refresh
        </Button>
      </div>
      <Text size={200}>
        The forum summary: where each case stands, its action plan and the emails still to draft.
      </Text>
      {!cases ? (
        problem ? null : (
          <Spinner size="small" label="Loading the cases…" />
        )
      ) : cases.length === 0 ? (
        <Text>No cases yet. Add the referrals on the agenda below.</Text>
      ) : (
        <ul className={listStyles.list} aria-label="This meeting’s cases">
          {cases.map((item) => {
            const lines = summaryLines(item);
            return (
              <li key={item.id} className={listStyles.entry}>
                <Text block weight="semibold">
                  {item.student} · {item.schoolName} · section {item.section}
                </Text>
                <Text block size={200}>
                  {lines.standing}
                </Text>
                <Text block size={200}>
                  {lines.plan}
                </Text>
                {lines.toDraft.length > 0 && (
                  <ul className={listStyles.inner} aria-label={`Emails to draft for ${item.student}`}>
                    {lines.toDraft.map((line) => (
                      <li key={line}>
                        <Text size={200}>{line}</Text>
                      </li>
                    ))}
                  </ul>
                )}
                {lines.nothingToDraft && (
                  <Text block size={200}>
                    {lines.nothingToDraft}
                  </Text>
                )}
                <Button size="small" onClick={() => void share(item)}>
                  Show {item.student} on the meeting stage
                </Button>
                <a href={recordHref(item.id)} target="_blank" rel="noopener">
                  {`Record of ${item.student} (opens in a new window)`}
                </a>
              </li>
            );
          })}
        </ul>
      )}

      <Text as="h2" weight="semibold">
        Add a referral to the agenda
      </Text>
      <Field label="Partnership">
        <Dropdown
          value={partnership ? `${partnership.id} – ${partnership.name}` : ''}
          selectedOptions={[form.partnership]}
          onOptionSelect={(_, data) =>
            setForm({ ...form, partnership: data.optionValue ?? '', schoolId: '' })
          }
        >
          {directory.partnerships.map((item) => (
            <Option key={item.id} value={item.id}>{`${item.id} – ${item.name}`}</Option>
          ))}
        </Dropdown>
      </Field>
      <Field label="School">
        <Dropdown
          value={school?.name ?? ''}
          selectedOptions={form.schoolId ? [form.schoolId] : []}
          onOptionSelect={(_, data) => setForm({ ...form, schoolId: data.optionValue ?? '' })}
          placeholder="Choose…"
        >
          {(partnership?.schools ?? []).map((item) => (
            <Option key={item.id} value={item.id}>
              {item.name}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label="Parental consent">
        <RadioGroup
          value={form.consent}
          onChange={(_, data) => setForm({ ...form, consent: data.value as Consent })}
        >
          {consentChoices.map((choice) => (
            <Radio key={choice.value} value={choice.value} label={choice.label} />
          ))}
        </RadioGroup>
      </Field>
      <Field
        label="Student identifier"
        hint={
          form.consent === 'notGiven'
            ? 'A reference only, such as the referral form’s number: no initials, never the name.'
            : 'Initials or a reference, never the full name.'
        }
      >
        <Input
          value={form.student}
          onChange={(_, data) => setForm({ ...form, student: data.value })}
          maxLength={60}
        />
      </Field>
      <Field label="What has the school done?">
        <RadioGroup value={form.section} onChange={(_, data) => setForm({ ...form, section: data.value })}>
          {Object.entries(cityAddressFlow.sections).map(([id, section]) => (
            <Radio key={id} value={id} label={`${id}. ${section.description}`} />
          ))}
        </RadioGroup>
      </Field>
      <Button
        appearance="primary"
        disabled={!form.schoolId || !form.student.trim() || !form.section}
        onClick={() => void add()}
      >
        Add to the agenda
      </Button>
    </div>
  );
}
