import type { AuthHost } from '../../shared/auth/signIn.ts';

/** The previews' host: the bot, running locally, signs the page in as its local user; no sign-in dialog. */
export const standInHost: AuthHost = {
  supportsNestedAppAuth: () => false,
  openDialog: () => Promise.reject(new Error('no sign-in dialog in the preview')),
};
