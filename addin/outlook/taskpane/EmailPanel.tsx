import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { RecipientRole } from '../../../src/flow/definition.ts';
import type { Directory } from '../../../src/directory/directory.ts';
import { emailTemplates, type TemplateId } from '../../../src/templates/emailTemplates.ts';
import {
  fieldLabels,
  fieldShortLabels,
  meetingTypeLabels,
  pspMeetingLongLabels,
  switchFields,
  type FieldId,
  type Fields,
  type MeetingType,
  type PspMeeting,
} from '../../../src/templates/fields.ts';
import { formatLongDate, parseIsoDate } from '../../../src/text/dates.ts';
import { planSummary, type ActionPlan } from '../../../src/plans/actionPlan.ts';
import { fieldsUsedBy } from '../../../src/templates/render.ts';
import { isEmptyDraft, type MailHost } from '../office/mailHost.ts';
import { ANONYMOUS_CASE, REDRAFT, optionalFieldsOf } from './caseEmail.ts';
import { compose } from './compose.ts';
import { FieldControl, validation, type FieldValues } from './FieldControls.tsx';
import { messageOf } from '../../shared/messages.ts';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  preview: {
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground2,
    fontSize: tokens.fontSizeBase200,
    maxHeight: '320px',
    overflowY: 'auto',
  },
  known: { color: tokens.colorNeutralForeground2 },
  /** The warning and Insert (anyway) stay in view at the bottom of the pane, never below the fold. */
  footer: {
    position: 'sticky',
    bottom: 0,
    zIndex: 1,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
});

export interface EmailPanelProps {
  template: TemplateId;
  to: RecipientRole;
  /** What the case already knows; empty when working without a case. */
  known: Fields;
  recipient: { name: string; email: string | null };
  directory: Directory;
  host: MailHost;
  /** Records on the case that the email was drafted; absent without a case. */
  onDrafted?: () => Promise<void>;
  /** An anonymous case: the student is the case's label, not editable, and no full name can be given. */
  anonymous?: boolean;
  /** Drafted before from an earlier action plan: to be drafted again. */
  redraft?: boolean;
}

/** A known field's value as a person reads it ("Inclusion Forum", "20 November 2026"). */
function displayValue(field: FieldId, value: unknown): string {
  if (field === 'meetingType') return meetingTypeLabels[value as MeetingType] ?? String(value);
  if (field === 'pspMeeting') return pspMeetingLongLabels[value as PspMeeting] ?? String(value);
  if (field === 'actionPlan') return planSummary(value as ActionPlan);
  if (field === 'meetingDate') {
    const date = parseIsoDate(String(value));
    return date ? formatLongDate(date) : String(value);
  }
  return String(value);
}

type Stage =
  | { kind: 'editing' }
  | { kind: 'confirmWarnings' }
  | { kind: 'askReplace' }
  | { kind: 'working' }
  | { kind: 'done'; message: string };

/** One email: the fields still missing, the recipient, a live preview, and Insert. */
export function EmailPanel({
  template,
  to,
  known,
  recipient,
  directory,
  host,
  onDrafted,
  anonymous = false,
  redraft = false,
}: EmailPanelProps) {
  const styles = useStyles();
  const used = fieldsUsedBy(emailTemplates[template]);
  // T1's sentence about the meeting is optional; template 5 always names the meeting.
  const optional = optionalFieldsOf(emailTemplates[template], directory);
  const meetingOptional = optional.includes('meetingType') && optional.includes('meetingDate');
  const knownIds = used.filter((field) => known[field] !== undefined && !switchFields.includes(field));
  const toAsk = used.filter((field) => !knownIds.includes(field));
  const [values, setValues] = useState<FieldValues>({});
  const [fullName, setFullName] = useState('');
  const [address, setAddress] = useState(recipient.email ?? '');
  const [stage, setStage] = useState<Stage>({ kind: 'editing' });
  const [error, setError] = useState<string | undefined>();

  const given = { ...known, ...values } as Fields;
  // The optional sentence (T1's "It follows our discussion at … held on …") needs both of its fields; while
  // only one is given it is left out, so an optional field never keeps Insert disabled.
  const optionalIncomplete =
    meetingOptional && (given.meetingType === undefined) !== (given.meetingDate === undefined);
  const fields = optionalIncomplete
    ? (Object.fromEntries(
        Object.entries(given).filter(([field]) => field !== 'meetingType' && field !== 'meetingDate'),
      ) as Fields)
    : given;
  const composed = useMemo(
    () =>
      compose(
        {
          template,
          fields,
          fullName: anonymous ? '' : fullName,
          recipient: { name: recipient.name, email: address.trim() },
          anonymous,
        },
        directory,
      ),
    [template, JSON.stringify(fields), fullName, address, recipient.name, directory, anonymous],
  );
  const problemOf = (field: string) =>
    composed.ok ? undefined : composed.problems.find((problem) => problem.field === field)?.message;

  async function insert(mode: 'auto' | 'replace' | 'cursor', warningsAccepted: boolean) {
    if (!composed.ok) return;
    setError(undefined);
    if (!warningsAccepted && composed.warnings.length > 0) return setStage({ kind: 'confirmWarnings' });
    setStage({ kind: 'working' });
    try {
      if ((await host.bodyType()) !== 'html') {
        // insertAtCursor refuses a plain-text draft with a clear message; let it say so.
        await host.insertAtCursor(composed.html);
      }
      if (mode === 'auto' && !isEmptyDraft(await host.bodyHtml())) return setStage({ kind: 'askReplace' });
      if (mode === 'replace') await host.replaceKeepingSignature(composed.html);
      else await host.insertAtCursor(composed.html);
      await host.setSubject(composed.subject);
      await host.setTo(composed.to);
      await onDrafted?.();
      setStage({
        kind: 'done',
        message: onDrafted
          ? 'The email is in your draft, and the case records it as drafted.'
          : 'The email is in your draft.',
      });
    } catch (failure) {
      setError(messageOf(failure));
      setStage({ kind: 'editing' });
    }
  }

  return (
    <section className={styles.form} aria-label={emailTemplates[template].title}>
      <Text weight="semibold">{emailTemplates[template].title}</Text>
      {redraft && (
        <MessageBar intent="warning">
          <MessageBarBody>{REDRAFT}.</MessageBarBody>
        </MessageBar>
      )}
      {anonymous && (
        <MessageBar intent="info">
          <MessageBarBody>{ANONYMOUS_CASE}.</MessageBarBody>
        </MessageBar>
      )}
      {knownIds.length > 0 && (
        <Text size={200} className={styles.known}>
          From the case:{' '}
          {knownIds
            .map((field) => `${fieldShortLabels[field]}: ${displayValue(field, known[field])}`)
            .join(' · ')}
        </Text>
      )}
      <Field
        label={`To (${to === 'lps' ? 'the LPS' : 'the school’s key link'}: ${recipient.name})`}
        {...validation(address !== '' ? problemOf('recipient') : undefined)}
        {...(recipient.email ? {} : { hint: 'No address is on record: type it here.' })}
      >
        <Input type="email" value={address} onChange={(_, data) => setAddress(data.value)} />
      </Field>
      {toAsk.map((field) => (
        <FieldControl
          key={field}
          field={field}
          values={values}
          directory={directory}
          optional={meetingOptional && (field === 'meetingType' || field === 'meetingDate')}
          problem={
            problemOf(field) ??
            (optionalIncomplete &&
            (field === 'meetingType' || field === 'meetingDate') &&
            given[field] === undefined
              ? 'Give this too, or the sentence about the meeting is left out.'
              : undefined)
          }
          onChange={(id, value) => setValues((current) => ({ ...current, [id]: value }))}
        />
      ))}
      {anonymous ? (
        // Named by its reference only: the label is shown, not editable, and no full name is asked for.
        <Field
          label="Student (anonymous case, not editable)"
          hint="The parents have not consented: the email names the student by this reference only."
          {...validation(problemOf('student') ?? problemOf('fullName'))}
        >
          <Input value={String(known.student ?? '')} readOnly />
        </Field>
      ) : (
        <Field
          label="Student’s full name (optional, for this email only)"
          hint="Used in the body of this email instead of the identifier. It is never stored or sent anywhere else."
          {...validation(problemOf('fullName'))}
        >
          <Input value={fullName} onChange={(_, data) => setFullName(data.value)} autoComplete="off" />
        </Field>
      )}

      <Text weight="semibold" as="h3">
        Preview
      </Text>
      {composed.ok ? (
        <div className={styles.preview} aria-label="Preview of the email">
          <Text block size={200}>
            To:{' '}
            {composed.to
              .map((recipientItem) => `${recipientItem.displayName} <${recipientItem.emailAddress}>`)
              .join(', ')}
          </Text>
          <Text block size={200} weight="semibold">
            Subject: {composed.subject}
          </Text>
          {/* The HTML comes from the core's renderer, which escapes every value. */}
          <div data-testid="preview-body" dangerouslySetInnerHTML={{ __html: composed.html }} />
        </div>
      ) : (
        <MessageBar intent="info">
          <MessageBarBody>
            Still needed:{' '}
            {[
              ...composed.missing.map((field) => fieldLabels[field]),
              ...composed.problems
                .filter((p) => p.field === 'recipient')
                .map(() => 'the recipient’s address'),
            ].join(', ') || 'valid values above'}
            .
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.footer}>
        {error && (
          <MessageBar intent="error">
            <MessageBarBody>
              <MessageBarTitle>Not inserted</MessageBarTitle>
              {error}
            </MessageBarBody>
          </MessageBar>
        )}
        {stage.kind === 'confirmWarnings' && composed.ok && (
          <MessageBar intent="warning">
            <MessageBarBody>
              <MessageBarTitle>Check before inserting</MessageBarTitle>
              {composed.warnings.map((warning) => warning.message).join(' ')}
            </MessageBarBody>
          </MessageBar>
        )}
        {stage.kind === 'done' && (
          <MessageBar intent="success">
            <MessageBarBody>{stage.message}</MessageBarBody>
          </MessageBar>
        )}
        {stage.kind === 'working' ? (
          <Spinner size="tiny" label="Inserting…" />
        ) : stage.kind === 'confirmWarnings' ? (
          <Button appearance="primary" onClick={() => void insert('auto', true)}>
            Insert anyway
          </Button>
        ) : (
          <Button appearance="primary" disabled={!composed.ok} onClick={() => void insert('auto', false)}>
            Insert into the draft
          </Button>
        )}
      </div>
      <Dialog
        open={stage.kind === 'askReplace'}
        onOpenChange={(_, data) => !data.open && setStage({ kind: 'editing' })}
      >
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Your draft already has text</DialogTitle>
            <DialogContent>
              Replace the draft’s text with this email (your signature is kept), or insert the email at the
              cursor?
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => void insert('replace', true)}>
                Replace the text
              </Button>
              <Button onClick={() => void insert('cursor', true)}>Insert at the cursor</Button>
              <Button onClick={() => setStage({ kind: 'editing' })}>Cancel</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}
