/** Compares requirement set versions part by part, as Office does ("1.13" is after "1.8"). */
function atLeast(have: string, want: string): boolean {
  const [a = 0, b = 0] = have.split('.').map(Number);
  const [c = 0, d = 0] = want.split('.').map(Number);
  return a > c || (a === c && b >= d);
}

/** A small fake of the office.js surface the add-in uses, with switches to make each call fail. */
export interface FakeDraft {
  body: string;
  type: 'html' | 'text';
  subject: string;
  to: { displayName: string; emailAddress: string }[];
}

export function fakeOffice(
  options: {
    draft?: Partial<FakeDraft>;
    requirements?: Record<string, string>;
    failing?: string[];
    compose?: boolean;
    dialog?: 'message' | 'closed' | 'blocked';
  } = {},
) {
  const draft: FakeDraft = { body: '<p></p>', type: 'html', subject: '', to: [], ...options.draft };
  const supported = options.requirements ?? { Mailbox: '1.13', NestedAppAuth: '1.1' };
  const failing = new Set(options.failing ?? []);
  const done = <T>(name: string, value: T, callback?: (result: unknown) => void) => {
    const result = failing.has(name)
      ? { status: 'failed', error: { message: `${name} failed`, code: 9000 }, value: undefined }
      : { status: 'succeeded', value };
    callback?.(result);
  };
  const item = {
    body: {
      getTypeAsync: (callback: (result: unknown) => void) => done('getTypeAsync', draft.type, callback),
      getAsync: (_type: string, callback: (result: unknown) => void) =>
        done('getAsync', draft.body, callback),
      setAsync: (html: string, _options: unknown, callback: (result: unknown) => void) => {
        if (!failing.has('setAsync')) draft.body = html;
        done('setAsync', undefined, callback);
      },
      setSelectedDataAsync: (html: string, _options: unknown, callback: (result: unknown) => void) => {
        if (failing.has('throw')) throw new Error('host exploded');
        if (!failing.has('setSelectedDataAsync')) draft.body = `${html}${draft.body}`;
        done('setSelectedDataAsync', undefined, callback);
      },
    },
    subject: {
      setAsync: (subject: string, callback: (result: unknown) => void) => (
        (draft.subject = subject),
        done('subject', undefined, callback)
      ),
    },
    to:
      options.compose === false
        ? {}
        : {
            setAsync: (to: FakeDraft['to'], callback: (result: unknown) => void) => (
              (draft.to = to),
              done('to', undefined, callback)
            ),
          },
  };
  const handlers = new Map<string, (event: unknown) => void>();
  const office = {
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    CoercionType: { Html: 'html', Text: 'text' },
    EventType: { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' },
    context: {
      requirements: {
        isSetSupported: (name: string, version: string) =>
          name in supported && atLeast(supported[name] ?? '0', version),
      },
      mailbox: { item },
      ui: {
        displayDialogAsync: (_url: string, _options: unknown, callback: (result: unknown) => void) => {
          if (options.dialog === 'blocked')
            return callback({ status: 'failed', error: { message: 'popup blocked' } });
          callback({
            status: 'succeeded',
            value: {
              addEventHandler: (type: string, handler: (event: unknown) => void) =>
                handlers.set(type, handler),
              close: () => undefined,
            },
          });
          queueMicrotask(() => {
            if (options.dialog === 'closed') handlers.get('dialogEventReceived')?.({ error: 12006 });
            else
              handlers.get('dialogMessageReceived')?.({
                message: 'token-from-dialog',
                origin: 'https://localhost',
              });
          });
        },
      },
    },
  };
  return { office: office as unknown as typeof Office, draft };
}
