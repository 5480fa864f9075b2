import type { PartnershipId } from '../templates/fields.ts';

/**
 * Who may do what: the one authorisation policy, used by every card action, API route and page. Each permission
 * is a pure function of the person and the facts about the thing acted on, and answers with a verdict:
 * - `allow`: go ahead;
 * - `refuse`: the person may see the thing but not do this to it, and may be told so;
 * - `conceal`: the person may not even know the thing exists, so the answer must be exactly what they would get
 *   for a thing that does not exist ("not found").
 * Deny by default: a permission allows only when one of its guards says so.
 */

export type Verdict = 'allow' | 'refuse' | 'conceal';

/**
 * How the person is known: `member` is a signed-in user of an allowed tenant; `guest` a guest account in the
 * tenant; `anonymous` someone who joined a meeting without an account; `signedOut` a request without identity.
 */
export type Standing = 'member' | 'guest' | 'anonymous' | 'signedOut';

export interface Person {
  /** Entra object id; absent for anonymous users. */
  id?: string;
  standing: Standing;
  /** The partnerships this person coordinates (a deputy coordinator is a coordinator here). */
  coordinates: readonly PartnershipId[];
  /** Administers the app for every partnership (the County's inclusion team or a partnership lead). */
  administers: boolean;
}

/** A case as the policy sees it: whose it is, and whether the person is in the chat where it is run. */
export interface CaseFacts {
  partnership: PartnershipId;
  inCaseChat: boolean;
}

/** A vote: its case's facts, and whether the person is one of those who may vote on it. */
export interface VoteFacts extends CaseFacts {
  eligible: boolean;
}

/** A partnership's work in a chat (starting a case there, listing its cases). */
export interface PartnershipFacts {
  partnership: PartnershipId;
}

/** A chat: whether the person is in it. */
export interface ChatFacts {
  inChat: boolean;
}

// Guards: named once, combined by the permissions below.
const isTenantMember = (person: Person) => person.standing === 'member' && person.id !== undefined;
const coordinatesAny = (person: Person) => isTenantMember(person) && person.coordinates.length > 0;
const coordinates = (person: Person, partnership: PartnershipId) =>
  isTenantMember(person) && person.coordinates.includes(partnership);
const followsInChat = (person: Person, facts: CaseFacts) => isTenantMember(person) && facts.inCaseChat;
const administers = (person: Person) => isTenantMember(person) && person.administers;
/** Signed in with an account of the tenant, a guest's included (a school representative on a panel may be one). */
const hasAccount = (person: Person) =>
  (person.standing === 'member' || person.standing === 'guest') && person.id !== undefined;

const verdict = (allowed: boolean, otherwise: Exclude<Verdict, 'allow'>): Verdict =>
  allowed ? 'allow' : otherwise;

/** The person may see the case: its coordinators anywhere, and the tenant's members of its chat. */
function seeCase(person: Person, facts: CaseFacts): Verdict {
  return verdict(coordinates(person, facts.partnership) || followsInChat(person, facts), 'conceal');
}

/** Acting on what the person may see: refused politely; on what they may not see: concealed. */
const seenThen = (seen: Verdict, allowed: boolean): Verdict =>
  seen === 'allow' ? verdict(allowed, 'refuse') : seen;

export const permissions = {
  /** Coordinators' own tools: the start form, the list of their cases, the add-in. */
  useCoordinatorTools: (person: Person): Verdict => verdict(coordinatesAny(person), 'refuse'),
  /** Start a case, or add one to a meeting's agenda, for a partnership. */
  startCase: (person: Person, facts: PartnershipFacts & Partial<ChatFacts>): Verdict =>
    verdict(coordinates(person, facts.partnership) && facts.inChat !== false, 'refuse'),
  seeCase,
  /** Answer, change an answer, open or close a vote: the case's coordinator, in the case's own chat. */
  runCase: (person: Person, facts: CaseFacts): Verdict =>
    seenThen(seeCase(person, facts), coordinates(person, facts.partnership) && facts.inCaseChat),
  /** The case's history (who voted what on named votes) and its emails: its coordinators only. */
  seeCaseRecord: (person: Person, facts: CaseFacts): Verdict =>
    seenThen(seeCase(person, facts), coordinates(person, facts.partnership)),
  /**
   * Write or review a case's action plan: its partnership's coordinators, in the meeting or after it (a plan is
   * written up after the forum and reviewed at a later one, often in another meeting's chat).
   */
  writeActionPlan: (person: Person, facts: CaseFacts): Verdict =>
    seenThen(seeCase(person, facts), coordinates(person, facts.partnership)),
  /**
   * The add-in's case detail and its emails, outside any chat: refused to anyone who is not a coordinator (the
   * same answer for every case), concealed from another partnership's coordinator.
   */
  draftCaseEmails: (person: Person, facts: PartnershipFacts): Verdict =>
    coordinatesAny(person) ? verdict(coordinates(person, facts.partnership), 'conceal') : 'refuse',
  /** A vote is seen by whoever sees its case, and by those it was opened for. */
  seeVote: (person: Person, facts: VoteFacts): Verdict =>
    seeCase(person, facts) === 'allow' || (hasAccount(person) && facts.eligible) ? 'allow' : 'conceal',
  /**
   * Those the vote was opened for, wherever they click: its partnership's panel, a guest account included when
   * the partnership put it there, or the chat's members (never its guests) when no panel is configured.
   */
  castVote: (person: Person, facts: VoteFacts): Verdict =>
    seenThen(permissions.seeVote(person, facts), hasAccount(person) && facts.eligible),
  /** Close a vote or give the casting decision: as running the case. */
  manageVote: (person: Person, facts: VoteFacts): Verdict =>
    seenThen(permissions.seeVote(person, facts), coordinates(person, facts.partnership) && facts.inCaseChat),
  /** A chat's list of cases (the side panel): coordinators in that chat; each sees their partnerships' cases. */
  listChatCases: (person: Person, facts: ChatFacts): Verdict =>
    verdict(coordinatesAny(person) && facts.inChat, 'refuse'),
  /** The directory the pages fill templates from (staff names and addresses): the organisation's members. */
  seeDirectory: (person: Person): Verdict => verdict(isTenantMember(person), 'refuse'),
  /** The Administration page: administrators, and coordinators for their own partnerships. */
  useAdministration: (person: Person): Verdict =>
    verdict(administers(person) || coordinatesAny(person), 'refuse'),
  /**
   * A partnership's settings: administrators wholly; its coordinators its panel, its schools' key facts, its
   * vote settings and its forum dates (`changedBeyondCoordinator` says which parts); another partnership's
   * coordinators do not see it.
   */
  managePartnership: (person: Person, facts: PartnershipFacts): Verdict =>
    administers(person) || coordinates(person, facts.partnership)
      ? 'allow'
      : coordinatesAny(person)
        ? 'conceal'
        : 'refuse',
  /**
   * A partnership's reports and its records export: its coordinators (exact counts) and administrators (the
   * County's view, small numbers suppressed). Nobody else: panel members and guests see no reports.
   */
  seeReports: (person: Person, facts: PartnershipFacts): Verdict =>
    verdict(coordinates(person, facts.partnership) || administers(person), 'refuse'),
  /** The County dashboard: every partnership side by side, for administrators. */
  seeCountyReports: (person: Person): Verdict => verdict(administers(person), 'refuse'),
  /**
   * A case's decision record, outside any chat: its partnership's coordinators and administrators (for the
   * Authority's auditors); concealed from another partnership's coordinator, refused to everyone else.
   */
  seeDecisionRecord: (person: Person, facts: PartnershipFacts): Verdict =>
    coordinates(person, facts.partnership) || administers(person)
      ? 'allow'
      : coordinatesAny(person)
        ? 'conceal'
        : 'refuse',
  /** Put a case on legal hold or release it: administrators. */
  holdRecords: (person: Person): Verdict => verdict(administers(person), 'refuse'),
  /**
   * The County-wide contacts, links, domains, services at the forums and resources for advice: read by
   * coordinators, changed by administrators.
   */
  seeCounty: (person: Person): Verdict => verdict(administers(person) || coordinatesAny(person), 'refuse'),
  manageCounty: (person: Person): Verdict => verdict(administers(person), 'refuse'),
  manageAdministrators: (person: Person): Verdict => verdict(administers(person), 'refuse'),
} as const;

/** Whether the person changes a partnership's settings as its administrator, or only as its coordinator. */
export const changesAsAdministrator = (person: Person) => administers(person);

export type PermissionName = keyof typeof permissions;

/** Whether a case of `partnership` belongs in this person's view of a chat's list. */
export const listsCase = (person: Person, partnership: PartnershipId) => coordinates(person, partnership);
