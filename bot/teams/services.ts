import type { AdaptiveCard } from '../../src/cards/adaptive.ts';
import type { IdentifierRule } from '../../src/cases/identifier.ts';
import type { Directory } from '../../src/directory/directory.ts';
import type { TextValues } from '../../src/flow/interpret.ts';
import type { LiveSettings } from '../admin/liveSettings.ts';
import type { AppLogger } from '../logger.ts';
import type { BallotBox } from '../store/ballotBox.ts';
import type { Database } from '../store/database.ts';
import type { Member } from '../store/votes.ts';
import type { ChatRoster } from './chatRoster.ts';

/** Everything the bot's logic needs, built once at start-up. */
export interface Services {
  db: Database;
  /** Ballots go through here, so a panel voting at once is stored in a few transactions. */
  ballots: BallotBox;
  /** What the partnerships administer (people, panels, schools, contacts), kept current in memory. */
  settings: LiveSettings;
  /** The directory and the flow's text values from the settings: read them here, they follow every change. */
  readonly directory: Directory;
  readonly textValues: TextValues;
  /** Who is in which chat, for the policy's "in the case's chat". */
  roster: ChatRoster;
  /** What a new case's student identifier may be (STUDENT_REFERENCE_PATTERN). */
  identifierRule: IdentifierRule;
  log: AppLogger;
  /** Where the case card's Record button goes for a case (see `recordLink.ts`); none without PUBLIC_URL. */
  recordUrl?: (caseId: string) => string;
}

/** The person acting, as Teams identifies them. */
export interface Who {
  /** Entra object id: the identity roles, cases and votes are keyed by. Absent for anonymous users. */
  aadObjectId?: string;
  /** Teams user id (MRI), used for a card's refresh.userIds. */
  mri: string;
  name: string;
}

/** Where the action happened. */
export interface Where {
  conversationId: string;
  meetingId?: string;
  /** The message holding the card that was clicked, which is updated in place. */
  messageId?: string;
}

/** What the logic needs from Teams itself; the SDK provides it in the app and a mock connector in tests. */
export interface TeamsPort {
  /** The chat's members who may vote: no guests, anonymous users or bots. */
  members(): Promise<Member[]>;
  /** The meeting's own details when the chat is a meeting chat. */
  meeting(): Promise<{ start?: Date; title?: string } | undefined>;
}

/**
 * The answer to a card action: a card for the person who clicked (theirs alone: it may show their own vote or a
 * coordinator's view), and one for everyone when they differ.
 */
export interface ActionOutcome {
  card: AdaptiveCard;
  /** Replaces the case's own card (or its vote's) for everyone in the chat. */
  shared?: AdaptiveCard;
  /**
   * Which message the shared card replaces: the case's own card, or none yet (a case added before the meeting:
   * its card is then posted and kept as its own). Absent: the clicked message (a new case's Start form).
   */
  sharedTo?: { caseId: string; messageId: string | null };
  /**
   * The person's own card does not wait for the shared update (a vote: each member's view refreshes itself,
   * and 60 members voting at once should not each wait for a call to Teams).
   */
  sharedInBackground?: boolean;
}
