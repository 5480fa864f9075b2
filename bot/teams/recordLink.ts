import type { BotConfig } from '../config.ts';

/**
 * Where the case card's Record button goes. In Teams an ordinary link opens the system browser, where the page
 * cannot sign in with Teams; a stage view deep link ("Open content in Stageview", Microsoft Learn) opens the
 * page in a Teams window instead, signed in as the app's other pages are. Without the Teams app's id (a local
 * run) the button opens the page itself.
 */
export function recordLink({ url, teamsAppId }: NonNullable<BotConfig['recordPage']>) {
  return (caseId: string) => {
    const page = `${url}?case=${encodeURIComponent(caseId)}`;
    if (!teamsAppId) return page;
    const context = { contentUrl: page, websiteUrl: page, name: 'Decision record', openMode: 'popout' };
    return `https://teams.microsoft.com/l/stage/${teamsAppId}/0?context=${encodeURIComponent(JSON.stringify(context))}`;
  };
}
