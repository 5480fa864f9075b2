import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { homePartnership } from '../../../src/cases/homePartnership.ts';
import type { Directory } from '../../../src/directory/directory.ts';
import type { AnswerValue } from '../../../src/flow/answers.ts';
import type { FlowDefinition } from '../../../src/flow/definition.ts';
import type { FlowState } from '../../../src/flow/interpret.ts';
import { adviceDraft, adviceDraftHtml, isAdviceOutcome } from '../../../src/templates/adviceDrafts.ts';
import { lineOfText } from '../../../src/templates/fields.ts';
import type { MailHost } from '../office/mailHost.ts';
import { messageOf } from '../../shared/messages.ts';

const useStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

const EMAIL = /^[^\s\p{Cc}\p{Cf}@<>;,]+@[^\s\p{Cc}\p{Cf}@<>;,]+\.[^\s\p{Cc}\p{Cf}@<>;,]+$/u;
const line = (max: number) => lineOfText(max);

interface Props {
  flow: FlowDefinition;
  state: Extract<FlowState, { status: 'decided' }>;
  answers: Record<string, AnswerValue>;
  expectationHeading: string;
  directory: Directory;
  host: MailHost;
}

/**
 * The county-address flow's outcome in the task pane: the advice, whom to contact (from the directory), and a
 * plain draft to the home partnership the coordinator edits freely before inserting it.
 */
export function AdvicePanel({ flow, state, answers, expectationHeading, directory, host }: Props) {
  const styles = useStyles();
  const home = homePartnership(flow, answers, directory);
  const [student, setStudent] = useState('');
  const [schoolName, setSchoolName] = useState('');
  const [edited, setEdited] = useState<string | undefined>();
  const [address, setAddress] = useState(home?.coordinators.map((person) => person.email).join('; ') ?? '');
  const [working, setWorking] = useState(false);
  const [done, setDone] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();

  const studentOk = line(60).safeParse(student).success;
  const schoolOk = schoolName.trim() === '' || line(120).safeParse(schoolName).success;
  const addresses = address
    .split(/[;,]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
  const addressOk = addresses.length > 0 && addresses.every((item) => EMAIL.test(item) && item.length <= 254);
  const draft =
    home && isAdviceOutcome(state.outcome)
      ? adviceDraft(state.outcome, {
          student: studentOk ? student.trim() : 'the student’s identifier',
          ...(schoolOk && schoolName.trim() ? { schoolName: schoolName.trim() } : {}),
          partnership: home,
        })
      : undefined;
  const body = edited ?? draft?.text ?? '';

  async function insert() {
    if (!draft) return;
    setError(undefined);
    setWorking(true);
    try {
      await host.insertAtCursor(adviceDraftHtml(body));
      await host.setSubject(draft.subject);
      await host.setTo(
        addresses.map((emailAddress) => ({
          emailAddress,
          displayName:
            home?.coordinators.find((person) => person.email === emailAddress)?.name ?? emailAddress,
        })),
      );
      setDone('The draft is in your email. Check it before sending.');
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setWorking(false);
    }
  }

  return (
    <section className={styles.column} aria-label="Advice for the City school">
      <Text weight="semibold" as="h3">
        Our actions
      </Text>
      <ul className={styles.list}>
        {state.actions.map((action) => (
          <li key={action}>{action}</li>
        ))}
      </ul>
      {state.cityExpectation && (
        <>
          <Text weight="semibold" as="h3">
            {expectationHeading}
          </Text>
          <Text>{state.cityExpectation}</Text>
        </>
      )}
      {home && (
        <>
          <Text weight="semibold" as="h3">
            Whom to contact
          </Text>
          <Text>
            {home.name} ({home.id}), {home.area}.{' '}
            {home.coordinators.length > 0
              ? `Coordinator${home.coordinators.length > 1 ? 's' : ''}: ${home.coordinators
                  .map((person) => `${person.name} (${person.email})`)
                  .join('; ')}.`
              : `No coordinator is in the directory yet: see ${home.aboutUsLink}.`}{' '}
            Inclusion Forum: {home.inclusionForumsLink}.
            {state.outcome === 'R.sena' ? ` SENA: ${home.sena.email}.` : ''}
          </Text>
        </>
      )}
      {draft && (
        <>
          <Text weight="semibold" as="h3">
            A note to the partnership
          </Text>
          <Field
            label="Student identifier"
            required
            {...(student !== '' && !studentOk
              ? { validationState: 'error' as const, validationMessage: 'One line, at most 60 characters.' }
              : { hint: 'Initials or a reference, never the full name.' })}
          >
            <Input value={student} onChange={(_, data) => setStudent(data.value)} autoComplete="off" />
          </Field>
          <Field
            label="The City school (optional)"
            {...(schoolOk
              ? {}
              : {
                  validationState: 'error' as const,
                  validationMessage: 'One line, at most 120 characters, without < or >.',
                })}
          >
            <Input value={schoolName} onChange={(_, data) => setSchoolName(data.value)} />
          </Field>
          <Field
            label={`To (${home?.name ?? 'the partnership'})`}
            {...(address !== '' && !addressOk
              ? {
                  validationState: 'error' as const,
                  validationMessage: 'Give email addresses separated by ;',
                }
              : home?.coordinators.length
                ? {}
                : { hint: 'No address is on record: type it here.' })}
          >
            <Input type="email" value={address} onChange={(_, data) => setAddress(data.value)} />
          </Field>
          <Field label="Subject">
            <Input value={draft.subject} readOnly />
          </Field>
          <Field
            label="The note (edit it as you wish)"
            hint={edited === undefined ? null : 'Edited: changes above no longer update it.'}
          >
            <Textarea
              value={body}
              resize="vertical"
              rows={12}
              onChange={(_, data) => setEdited(data.value)}
              aria-label="The note"
            />
          </Field>
          {edited !== undefined && (
            <Button appearance="subtle" onClick={() => setEdited(undefined)}>
              Start the note again from the advice
            </Button>
          )}
          {error && (
            <MessageBar intent="error">
              <MessageBarBody>
                <MessageBarTitle>Not inserted</MessageBarTitle>
                {error}
              </MessageBarBody>
            </MessageBar>
          )}
          {done && (
            <MessageBar intent="success">
              <MessageBarBody>{done}</MessageBarBody>
            </MessageBar>
          )}
          {working ? (
            <Spinner size="tiny" label="Inserting…" />
          ) : (
            <Button
              appearance="primary"
              disabled={!studentOk || !addressOk || !schoolOk || body.trim() === ''}
              onClick={() => void insert()}
            >
              Insert into the draft
            </Button>
          )}
        </>
      )}
    </section>
  );
}
