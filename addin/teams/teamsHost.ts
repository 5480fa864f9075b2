import { app, authentication, meeting, nestedAppAuth, pages } from '@microsoft/teams-js';
import { ReasonedError } from '../../src/errors.ts';

/**
 * The only module that touches teams-js, as mailHost.ts is for Office: it turns its callbacks into promises that
 * reject with a typed TeamsHostError, and the side panel receives a TeamsHost as a dependency.
 */

export class TeamsHostError extends ReasonedError<
  'notInTeams' | 'notInMeeting' | 'shareFailed' | 'dialogFailed'
> {}

export type TabFrame = 'sidePanel' | 'meetingStage' | 'settings' | 'content';

export interface MeetingContext {
  /** The meeting chat: cases are kept per conversation. */
  conversationId: string;
  frame: TabFrame;
}

/** Where a tab is open: its frame, and whether it is in a meeting or chat (where cases are kept). */
export interface TabContext {
  frame: TabFrame;
  inChat: boolean;
}

/** What a configurable tab shows once saved. */
export interface SavedTab {
  contentUrl: string;
  entityId: string;
  displayName: string;
}

export interface TeamsHost {
  tab(): Promise<TabContext>;
  context(): Promise<MeetingContext>;
  shareToStage(url: string): Promise<void>;
  /** On the tab's configuration page: what to save (asked when the user presses Save). */
  onSave(tab: () => SavedTab): void;
  supportsNestedAppAuth(): boolean;
  openDialog(url: string): Promise<string>;
}

export async function createTeamsHost(): Promise<TeamsHost> {
  try {
    await app.initialize();
  } catch {
    throw new TeamsHostError('notInTeams', 'Open this page in Microsoft Teams.');
  }
  const frameOf = (context: app.Context): TabFrame => {
    const frame = context.page.frameContext;
    return frame === 'meetingStage' || frame === 'settings' || frame === 'sidePanel' ? frame : 'content';
  };
  return {
    async tab() {
      const context = await app.getContext();
      return { frame: frameOf(context), inChat: Boolean(context.chat?.id ?? context.meeting?.id) };
    },
    async context() {
      const context = await app.getContext();
      const conversationId = context.chat?.id ?? context.meeting?.id;
      if (!conversationId)
        throw new TeamsHostError('notInMeeting', 'Add the app to a meeting to see its cases.');
      return { conversationId, frame: frameOf(context) };
    },
    shareToStage(url) {
      return new Promise((resolve, reject) =>
        meeting.shareAppContentToStage((error) => {
          if (error)
            reject(
              new TeamsHostError(
                'shareFailed',
                `Teams could not share to the stage: ${error.message ?? 'unknown error'}.`,
              ),
            );
          else resolve();
        }, url),
      );
    },
    onSave(tab) {
      pages.config.registerOnSaveHandler((save) => {
        const { contentUrl, entityId, displayName } = tab();
        pages.config.setConfig({ contentUrl, entityId, suggestedDisplayName: displayName }).then(
          () => save.notifySuccess(),
          () => save.notifyFailure('The tab could not be saved.'),
        );
      });
      void pages.config.setValidityState(true);
    },
    supportsNestedAppAuth: () => nestedAppAuth.isNAAChannelRecommended(),
    async openDialog(url) {
      // The dialog answers Teams with authentication.notifySuccess, not Office's messageParent.
      const dialog = new URL(url);
      dialog.searchParams.set('host', 'teams');
      try {
        return await authentication.authenticate({ url: dialog.toString(), width: 600, height: 535 });
      } catch (error) {
        throw new TeamsHostError(
          'dialogFailed',
          `Signing in failed: ${error instanceof Error ? error.message : String(error)}.`,
        );
      }
    },
  };
}

/**
 * In the sign-in window Teams opened (authentication.authenticate): hands the result back to the page that
 * opened it, which Teams then closes. The token goes as the same JSON the Office dialog sends.
 */
export async function answerTeamsSignIn(result: { token: string } | { error: string }): Promise<void> {
  await app.initialize();
  if ('token' in result) authentication.notifySuccess(JSON.stringify(result));
  else authentication.notifyFailure(result.error);
}
