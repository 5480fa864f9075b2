/**
 * A stand-in for Outlook, for trying the add-in locally and for the browser tests: it defines the parts of
 * office.js the add-in uses (the same calls, callbacks and results) over a draft shown on the page. The add-in's
 * own Office module runs against it unchanged. `?format=text` starts with a plain-text draft.
 */

type Result<T> = { status: 'succeeded' | 'failed'; value: T; error?: { message: string; code: number } };
type Callback<T> = (result: Result<T>) => void;

const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const body = element<HTMLDivElement>('draft-body');
const subject = element<HTMLInputElement>('draft-subject');
const to = element<HTMLUListElement>('draft-to');
const format = new URLSearchParams(location.search).get('format') === 'text' ? 'text' : 'html';
let recipients: { displayName: string; emailAddress: string }[] = [];

const ok = <T>(callback: Callback<T> | undefined, value: T) =>
  setTimeout(() => callback?.({ status: 'succeeded', value }), 0);

function renderRecipients() {
  to.replaceChildren(
    ...recipients.map((recipient) => {
      const item = document.createElement('li');
      item.textContent = `${recipient.displayName} <${recipient.emailAddress}>`;
      return item;
    }),
  );
}

/** Inserts HTML where the caret is in the body, or at its start when the caret is elsewhere. */
function insertAtCaret(html: string) {
  const selection = window.getSelection();
  const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : undefined;
  const fragment = document.createRange().createContextualFragment(html);
  if (range && body.contains(range.commonAncestorContainer)) {
    range.deleteContents();
    range.insertNode(fragment);
  } else {
    body.insertBefore(fragment, body.firstChild);
  }
}

const item = {
  itemType: 'message',
  body: {
    getTypeAsync: (callback: Callback<string>) => ok(callback, format),
    getAsync: (_coercion: string, callback: Callback<string>) =>
      ok(callback, format === 'html' ? body.innerHTML : body.innerText),
    setAsync: (html: string, _options: unknown, callback: Callback<void>) => {
      body.innerHTML = html;
      ok(callback, undefined);
    },
    setSelectedDataAsync: (html: string, _options: unknown, callback: Callback<void>) => {
      insertAtCaret(html);
      ok(callback, undefined);
    },
  },
  subject: {
    getAsync: (callback: Callback<string>) => ok(callback, subject.value),
    setAsync: (value: string, callback: Callback<void>) => {
      subject.value = value;
      ok(callback, undefined);
    },
  },
  to: {
    getAsync: (callback: Callback<typeof recipients>) => ok(callback, recipients),
    setAsync: (value: typeof recipients, callback: Callback<void>) => {
      recipients = value.map((recipient) => ({
        displayName: recipient.displayName,
        emailAddress: recipient.emailAddress,
      }));
      renderRecipients();
      ok(callback, undefined);
    },
  },
};

const standIn = {
  AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
  CoercionType: { Html: 'html', Text: 'text' },
  EventType: { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' },
  HostType: { Outlook: 'Outlook' },
  onReady: (callback?: (info: { host: string; platform: string }) => void) => {
    const info = { host: 'Outlook', platform: 'OfficeOnline' };
    callback?.(info);
    return Promise.resolve(info);
  },
  context: {
    // The preview signs in as a local stand-in user, so it offers no nested app authentication.
    requirements: {
      isSetSupported: (name: string, version: string) =>
        name === 'Mailbox' && Number(version.split('.')[1] ?? 0) <= 13 && version.startsWith('1.'),
    },
    mailbox: { item },
    ui: {
      displayDialogAsync: (_url: string, _options: unknown, callback: Callback<undefined>) =>
        setTimeout(
          () =>
            callback({
              status: 'failed',
              value: undefined,
              error: { message: 'dialogs are not available in the preview', code: 12007 },
            }),
          0,
        ),
      messageParent: () => undefined,
    },
  },
};

if (format === 'text') {
  body.innerText = 'Plain-text draft';
  element<HTMLElement>('draft-format').textContent = 'Plain text';
}

(window as unknown as { Office: unknown }).Office = standIn;
