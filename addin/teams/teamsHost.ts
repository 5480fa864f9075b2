import { app, authentication, meeting, nestedAppAuth, pages } from '@microsoft/teams-js';
import { ReasonedError } from '../../src/errors.ts';

/**
 * The only module that touches teams-js, as mailHost.ts is for Office: it turns its callbacks into promises that
 * reject with a typed TeamsHostError, and the side panel receives a TeamsHost as a dependency.
 */

export class TeamsHostError extends ReasonedError<
  'notInTeams' | 'notInMeeting' | 'shareFailed' | 'dialogFailed'
> {}

export interface MeetingContext {
  /** The meeting chat: cases are kept per conversation. */
  conversationId: string;
  frame: 'sidePanel' | 'meetingStage' | 'settings' | 'content';
}

export interface TeamsHost {
  context(): Promise<MeetingContext>;
  shareToStage(url: string): Promise<void>;
  /** On the tab's configuration page: what to save when the organiser adds the app to the meeting. */
  onSave(contentUrl: string): void;
  supportsNestedAppAuth(): boolean;
  openDialog(url: string): Promise<string>;
}

export async function createTeamsHost(): Promise<TeamsHost> {
  try {
    await app.initialize();
  } catch {
    throw new TeamsHostError('notInTeams', 'Open this page from a Teams meeting.');
  }
  return {
    async context() {
      const context = await app.getContext();
      const conversationId = context.chat?.id ?? context.meeting?.id;
      if (!conversationId)
        throw new TeamsHostError('notInMeeting', 'Add the app to a meeting to see its cases.');
      const frame = context.page.frameContext;
      return {
        conversationId,
        frame: frame === 'meetingStage' || frame === 'settings' || frame === 'sidePanel' ? frame : 'content',
      };
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
    onSave(contentUrl) {
      pages.config.registerOnSaveHandler((save) => {
        pages.config
          .setConfig({ contentUrl, entityId: 'inclusion-partnerships-cases', suggestedDisplayName: 'Cases' })
          .then(
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
