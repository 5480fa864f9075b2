import { ReasonedError } from '../../../src/errors.ts';

/**
 * The only module that touches office.js. It turns Office's callbacks into promises that reject with a typed
 * HostError, and offers the task pane exactly what it needs from the draft. Components receive a MailHost as a
 * dependency, so they run unchanged against Outlook, the local preview's stand-in, and test fakes.
 */

export type HostErrorReason =
  'notInOutlook' | 'notComposing' | 'requirementMissing' | 'plainTextDraft' | 'officeFailed' | 'dialogFailed';

export class HostError extends ReasonedError<HostErrorReason> {}

export interface Recipient {
  displayName: string;
  emailAddress: string;
}

export interface MailHost {
  /** Throws a HostError saying what is missing when this host cannot run the add-in. */
  check(): void;
  /** True when Office can sign in through nested app authentication. */
  supportsNestedAppAuth(): boolean;
  bodyType(): Promise<'html' | 'text'>;
  bodyHtml(): Promise<string>;
  /** Puts HTML at the cursor; the signature and the rest of the draft stay as they are. */
  insertAtCursor(html: string): Promise<void>;
  /** Replaces the draft's text with HTML, keeping the signature block if the draft has one. */
  replaceKeepingSignature(html: string): Promise<void>;
  setSubject(subject: string): Promise<void>;
  setTo(recipients: readonly Recipient[]): Promise<void>;
  /** Opens an Office dialog and resolves with the first message it sends back (the sign-in fallback). */
  openDialog(url: string): Promise<string>;
}

/** The Mailbox requirement set whose APIs the add-in uses in a compose window. */
export const MAILBOX_REQUIREMENT = '1.8';

// Outlook puts the signature in an element whose id contains "Signature" (Signature, x_Signature, …).
const SIGNATURE = /<(div|table)\b[^>]*\bid=["'](?:x_)?Signature["'][\s\S]*$/i;

/** The signature block of a draft's HTML, if any. */
export function signatureOf(html: string): string {
  return SIGNATURE.exec(html)?.[0] ?? '';
}

/** True when the draft holds nothing but (at most) its signature. */
export function isEmptyDraft(html: string): boolean {
  const withoutSignature = html.replace(SIGNATURE, '');
  const text = withoutSignature
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;|&#160;/g, ' ')
    .trim();
  return text === '';
}

type Callback<T> = (result: Office.AsyncResult<T>) => void;

export function createMailHost(office: typeof Office): MailHost {
  const call = <T>(run: (callback: Callback<T>) => void): Promise<T> =>
    new Promise((resolve, reject) => {
      try {
        run((result) => {
          if (result.status === office.AsyncResultStatus.Succeeded) resolve(result.value);
          else
            reject(
              new HostError(
                'officeFailed',
                `Outlook could not do that: ${result.error?.message ?? 'unknown error'}.`,
              ),
            );
        });
      } catch (error) {
        reject(
          new HostError(
            'officeFailed',
            `Outlook could not do that: ${error instanceof Error ? error.message : String(error)}.`,
          ),
        );
      }
    });

  const item = () => {
    const current = office.context?.mailbox?.item as Office.MessageCompose | undefined;
    if (!current) throw new HostError('notInOutlook', 'Open the add-in from an email in Outlook.');
    if (typeof (current.to as Office.Recipients | undefined)?.setAsync !== 'function') {
      throw new HostError('notComposing', 'Open the add-in from a new email or a reply: it fills a draft.');
    }
    return current;
  };

  const bodyType = async () => {
    const type = await call<Office.CoercionType>((callback) => item().body.getTypeAsync(callback));
    return type === office.CoercionType.Html ? ('html' as const) : ('text' as const);
  };

  const requireHtml = async () => {
    if ((await bodyType()) !== 'html') {
      throw new HostError(
        'plainTextDraft',
        'This draft is in plain text. Switch the message format to HTML, then insert again.',
      );
    }
  };

  const bodyHtml = () => call<string>((callback) => item().body.getAsync(office.CoercionType.Html, callback));

  return {
    check() {
      if (!office.context?.mailbox) throw new HostError('notInOutlook', 'This add-in runs in Outlook.');
      if (!office.context.requirements.isSetSupported('Mailbox', MAILBOX_REQUIREMENT)) {
        throw new HostError(
          'requirementMissing',
          `This version of Outlook is too old for the add-in (it needs Mailbox ${MAILBOX_REQUIREMENT}). Use Outlook on the web or update Outlook.`,
        );
      }
      item();
    },
    supportsNestedAppAuth: () =>
      office.context?.requirements?.isSetSupported('NestedAppAuth', '1.1') ?? false,
    bodyType,
    bodyHtml,
    async insertAtCursor(html) {
      await requireHtml();
      await call<unknown>((callback) =>
        item().body.setSelectedDataAsync(html, { coercionType: office.CoercionType.Html }, callback),
      );
    },
    async replaceKeepingSignature(html) {
      await requireHtml();
      const signature = signatureOf(await bodyHtml());
      await call<unknown>((callback) =>
        item().body.setAsync(`${html}${signature}`, { coercionType: office.CoercionType.Html }, callback),
      );
    },
    async setSubject(subject) {
      await call<unknown>((callback) => item().subject.setAsync(subject, callback));
    },
    async setTo(recipients) {
      await call<unknown>((callback) =>
        item().to.setAsync(
          recipients.map((recipient) => ({ ...recipient })),
          callback,
        ),
      );
    },
    openDialog(url) {
      return new Promise((resolve, reject) => {
        office.context.ui.displayDialogAsync(
          url,
          { height: 60, width: 30, promptBeforeOpen: false },
          (result) => {
            if (result.status !== office.AsyncResultStatus.Succeeded) {
              reject(
                new HostError(
                  'dialogFailed',
                  `The sign-in window could not open: ${result.error?.message ?? 'unknown error'}.`,
                ),
              );
              return;
            }
            const dialog = result.value;
            dialog.addEventHandler(office.EventType.DialogMessageReceived, (event) => {
              dialog.close();
              if ('message' in event) resolve(event.message);
              else reject(new HostError('dialogFailed', 'The sign-in window sent nothing back.'));
            });
            dialog.addEventHandler(office.EventType.DialogEventReceived, () => {
              reject(new HostError('dialogFailed', 'The sign-in window was closed before signing in.'));
            });
          },
        );
      });
    },
  };
}

/** Resolves with office.js once Office has loaded the add-in (the entry points' only way in). */
export async function whenOfficeReady(): Promise<typeof Office> {
  if (typeof Office === 'undefined')
    throw new HostError('notInOutlook', 'Office did not load: open the add-in from Outlook.');
  await Office.onReady();
  return Office;
}

/** From the sign-in dialog: hands its result to the task pane that opened it. */
export function sendToParent(office: typeof Office, message: string): void {
  office.context.ui.messageParent(message);
}
