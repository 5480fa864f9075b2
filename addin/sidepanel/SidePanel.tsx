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
import type { MeetingCase } from '../../src/api/contract.ts';
import type { Directory } from '../../src/directory/directory.ts';
import type { ApiClient } from '../api/client.ts';
import { recordHref } from '../record/recordLink.ts';
import { messageOf } from '../taskpane/messages.ts';
import { flows } from '../../src/flows.ts';

const cityAddressFlow = flows.cityAddress;

const useStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  item: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
  },
});

export interface SidePanelProps {
  api: ApiClient;
  directory: Directory;
  conversationId: string;
  /** Shares a case's progress to the meeting stage (identifier only). */
  shareToStage: (caseId: string) => Promise<void>;
}

/** In a meeting: its cases and where each stands, adding referrals to the agenda, and sharing to the stage. */
export function SidePanel({ api, directory, conversationId, shareToStage }: SidePanelProps) {
  const styles = useStyles();
  const [cases, setCases] = useState<MeetingCase[] | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const [form, setForm] = useState({
    partnership: directory.partnerships[0]?.id ?? '',
    schoolId: '',
    student: '',
    section: '',
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
      setNotice(`${form.student} is on the agenda.`);
      setForm({ ...form, schoolId: '', student: '', section: '' });
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
      <Text as="h2" weight="semibold">
        This meeting’s cases
      </Text>
      {!cases ? (
        problem ? null : (
          <Spinner size="small" label="Loading the cases…" />
        )
      ) : cases.length === 0 ? (
        <Text>No cases yet. Add the referrals on the agenda below.</Text>
      ) : (
        <ul className={styles.list} aria-label="This meeting’s cases">
          {cases.map((item) => (
            <li key={item.id} className={styles.item}>
              <Text block weight="semibold">
                {item.student} · {item.schoolName} · section {item.section}
              </Text>
              <Text block size={200}>
                {item.standing}
              </Text>
              <Button size="small" onClick={() => void share(item)}>
                Show {item.student} on the meeting stage
              </Button>
              <a
                href={recordHref(item.id)}
                target="_blank"
                rel="noopener"
              >{`Record of ${item.student} (opens in a new window)`}</a>
            </li>
          ))}
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
      <Field label="Student identifier" hint="Initials or a reference, never the full name.">
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
