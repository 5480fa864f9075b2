import type { Directory } from '../../../src/directory/directory.ts';
import { emailTemplates, type TemplateId } from '../../../src/templates/emailTemplates.ts';
import { problemsOf } from '../../../src/text/problems.ts';
import { fieldsSchema, lineOfText, type FieldId, type Fields } from '../../../src/templates/fields.ts';
import { renderEmail } from '../../../src/templates/render.ts';
import type { Recipient } from '../office/mailHost.ts';

/**
 * Builds what the add-in puts in the draft. The student's full name, if the coordinator types it, is used in
 * the body only: it stays in this browser and in the email, never in the subject or the case store.
 */

export interface ComposeInput {
  template: TemplateId;
  fields: Fields;
  fullName: string;
  recipient: { name: string; email: string };
  /**
   * An anonymous case (the parents have not consented): the student is named by the case's "Anonymous case …"
   * label alone, so a full name is refused, as is any other name in place of the label.
   */
  anonymous?: boolean;
}

export type Warning =
  { kind: 'fullNameInSubject'; message: string } | { kind: 'recipientOutsideDomains'; message: string };

export type Composed =
  | { ok: true; subject: string; html: string; text: string; to: Recipient[]; warnings: Warning[] }
  | { ok: false; missing: FieldId[]; problems: { field: string; message: string }[] };

const fullNameSchema = lineOfText(100);
// One address on one line: no spaces, control or invisible (format) characters or angle brackets, at most 254
// characters. An invisible character would make the address read as one it is not.
const EMAIL = /^[^\s\p{Cc}\p{Cf}@<>]+@[^\s\p{Cc}\p{Cf}@<>]+\.[^\s\p{Cc}\p{Cf}@<>]+$/u;

export function compose(input: ComposeInput, directory: Directory): Composed {
  const problems: { field: string; message: string }[] = [];
  const parsed = fieldsSchema.safeParse(input.fields);
  if (!parsed.success)
    for (const { path, message } of problemsOf(parsed.error, ''))
      problems.push({ field: path.split('.')[0] ?? '', message });
  const fullName = input.fullName.trim();
  if (fullName && !fullNameSchema.safeParse(fullName).success)
    problems.push({
      field: 'fullName',
      message: 'Give the name on one line, at most 100 characters, without < or >.',
    });
  if (input.anonymous) {
    if (fullName)
      problems.push({
        field: 'fullName',
        message:
          'This is an anonymous case: the parents have not consented, so the student cannot be named. Leave the name out.',
      });
    if (typeof input.fields.student !== 'string' || !input.fields.student.startsWith('Anonymous case '))
      problems.push({
        field: 'student',
        message: 'This is an anonymous case: the student is named “Anonymous case” and the reference only.',
      });
  }
  if (!EMAIL.test(input.recipient.email) || input.recipient.email.length > 254) {
    problems.push({
      field: 'recipient',
      message: 'Give the recipient’s email address, such as name@school.org.uk.',
    });
  }
  const fields = parsed.success ? parsed.data : {};
  const template = emailTemplates[input.template];
  const forSubject = renderEmail(template, fields, directory);
  if (!forSubject.ok || problems.length > 0)
    return { ok: false, missing: forSubject.ok ? [] : forSubject.missing, problems };
  const forBody = fullName ? renderEmail(template, { ...fields, student: fullName }, directory) : forSubject;
  if (!forBody.ok) return { ok: false, missing: forBody.missing, problems };

  const warnings: Warning[] = [];
  const subject = forSubject.email.subject;
  if (
    fullName &&
    fullName
      .split(/\s+/)
      .some((part) => part.length > 2 && subject.toLowerCase().includes(part.toLowerCase()))
  ) {
    warnings.push({
      kind: 'fullNameInSubject',
      message:
        'The subject contains part of the student’s full name. Subjects should name the student by the identifier only.',
    });
  }
  const domain = input.recipient.email.split('@')[1]?.toLowerCase() ?? '';
  const allowed = directory.allowedRecipientDomains;
  if (allowed.length > 0 && !allowed.some((item) => domain === item || domain.endsWith(`.${item}`))) {
    warnings.push({
      kind: 'recipientOutsideDomains',
      message: `${domain} is not one of the usual domains (${allowed.join(', ')}). Check the address before sending.`,
    });
  }
  return {
    ok: true,
    subject,
    html: forBody.email.html,
    text: forBody.email.text,
    to: [{ displayName: input.recipient.name, emailAddress: input.recipient.email }],
    warnings,
  };
}
