import { describe, expect, it } from 'vitest';
import { createMailHost, HostError, isEmptyDraft, signatureOf } from '../../addin/outlook/office/mailHost.ts';
import { fakeOffice } from './fakeOffice.ts';

const signature = '<div id="Signature"><p>Sam Lee<br>SLIP Coordinator</p></div>';

describe('the Office module', () => {
  it('inserts HTML at the cursor, sets the subject and the To line', async () => {
    const { office, draft } = fakeOffice({ draft: { body: signature } });
    const host = createMailHost(office);
    host.check();
    await host.insertAtCursor('<p>Dear Mrs Patel</p>');
    await host.setSubject('JS-2291: seeking support');
    await host.setTo([{ displayName: 'Mrs Patel', emailAddress: 'k.patel@beauchamp.example' }]);
    expect(draft).toEqual({
      body: `<p>Dear Mrs Patel</p>${signature}`,
      type: 'html',
      subject: 'JS-2291: seeking support',
      to: [{ displayName: 'Mrs Patel', emailAddress: 'k.patel@beauchamp.example' }],
    });
  });

  it('replaces the draft’s text but keeps the signature', async () => {
    const { office, draft } = fakeOffice({ draft: { body: `<p>Old text</p>${signature}` } });
    await createMailHost(office).replaceKeepingSignature('<p>New</p>');
    expect(draft.body).toBe(`<p>New</p>${signature}`);
  });

  it('refuses to write HTML into a plain-text draft, and changes nothing', async () => {
    const { office, draft } = fakeOffice({ draft: { type: 'text', body: 'typed' } });
    const attempt = createMailHost(office).insertAtCursor('<p>x</p>');
    await expect(attempt).rejects.toBeInstanceOf(HostError);
    await expect(attempt).rejects.toMatchObject({
      reason: 'plainTextDraft',
      message: expect.stringContaining('Switch the message format to HTML'),
    });
    expect(draft.body).toBe('typed');
  });

  it('rejects with a typed Error when Office reports a failure or throws', async () => {
    const failing = createMailHost(fakeOffice({ failing: ['subject'] }).office);
    await expect(failing.setSubject('x')).rejects.toMatchObject({
      name: 'HostError',
      reason: 'officeFailed',
      message: 'Outlook could not do that: subject failed.',
    });
    const throwing = createMailHost(fakeOffice({ failing: ['throw'] }).office);
    await expect(throwing.insertAtCursor('<p>x</p>')).rejects.toMatchObject({
      reason: 'officeFailed',
      message: 'Outlook could not do that: host exploded.',
    });
  });

  it.each([
    ['outside Outlook', { office: { context: {} } as unknown as typeof Office }, 'notInOutlook'],
    [
      'an Outlook without Mailbox 1.8',
      fakeOffice({ requirements: { Mailbox: '1.5' } }),
      'requirementMissing',
    ],
    ['a message being read, not composed', fakeOffice({ compose: false }), 'notComposing'],
  ])('says what is wrong %s', (_name, fake, reason) => {
    expect(() => createMailHost(fake.office).check()).toThrow(expect.objectContaining({ reason }));
  });

  it('reports whether nested app authentication is available', () => {
    expect(createMailHost(fakeOffice().office).supportsNestedAppAuth()).toBe(true);
    expect(
      createMailHost(fakeOffice({ requirements: { Mailbox: '1.13' } }).office).supportsNestedAppAuth(),
    ).toBe(false);
  });

  it('opens the sign-in dialog and resolves with its message, or rejects when it is closed or blocked', async () => {
    await expect(
      createMailHost(fakeOffice().office).openDialog('https://localhost/dialog.html'),
    ).resolves.toBe('token-from-dialog');
    await expect(
      createMailHost(fakeOffice({ dialog: 'closed' }).office).openDialog('x'),
    ).rejects.toMatchObject({ reason: 'dialogFailed' });
    await expect(
      createMailHost(fakeOffice({ dialog: 'blocked' }).office).openDialog('x'),
    ).rejects.toMatchObject({ reason: 'dialogFailed', message: expect.stringContaining('popup blocked') });
  });

  it('tells an empty draft (signature only) from one with text', () => {
    expect(isEmptyDraft(`<p>&nbsp;</p>${signature}`)).toBe(true);
    expect(isEmptyDraft('<div id="x_Signature">Sam</div>')).toBe(true);
    expect(isEmptyDraft(`<p>Hello</p>${signature}`)).toBe(false);
    expect(signatureOf(`<p>Hello</p>${signature}`)).toBe(signature);
    expect(signatureOf('<p>No signature</p>')).toBe('');
  });
});
