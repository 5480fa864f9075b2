import type {
  Administrator,
  CountySettings,
  PartnershipSettings,
  SettingsKey,
} from '../settings/settings.ts';
import type { PartnershipId } from '../templates/fields.ts';

/**
 * The Administration page's API, shared by the page and the bot. Every document comes with its version; a
 * change is sent whole with `If-Match: "<version>"`, and a stale one is answered 409 with the current document.
 *
 * - GET  /api/admin                                      → AdminView
 * - PUT  /api/admin/administrators                       Administrator[]      → Versioned<Administrator[]>
 * - PUT  /api/admin/county                               CountySettings       → Versioned<CountySettings>
 * - PUT  /api/admin/partnerships/{id}                    PartnershipSettings  → Versioned<PartnershipSettings>
 * - GET  /api/admin/history?about=administrators|county|{partnership id}      → { entries: HistoryEntryView[] }
 * - GET  /api/admin/partnerships/{id}/people-seen        → { people: SeenPerson[] }
 *
 * Errors: 400 `InvalidSettings` (each problem with its path, e.g. `panel.2.schoolId`), 401 not signed in,
 * 403 not allowed (a coordinator changing what only an administrator may: the path says what), 404 another
 * partnership's settings to a coordinator, 409 `StaleSettings`, 428 a change without If-Match.
 */

export interface Versioned<T> {
  value: T;
  version: number;
}

export interface AdminView {
  me: { name: string; administrator: boolean; coordinates: PartnershipId[] };
  /** Only for administrators. */
  administrators?: Versioned<Administrator[]>;
  /** Read by coordinators, changed by administrators. */
  county: Versioned<CountySettings>;
  /** Every partnership for an administrator; a coordinator's own. */
  partnerships: Versioned<PartnershipSettings>[];
  /** What this person may change. */
  may: {
    administrators: boolean;
    county: boolean;
    /** `all` for an administrator; `coordinator`: the panel, the schools' key facts and the vote settings. */
    partnerships: Partial<Record<PartnershipId, 'all' | 'coordinator'>>;
  };
}

export interface SettingsProblem {
  /** Dotted path into the document sent, e.g. `schools.3.keyLinkEmail`. */
  path: string;
  message: string;
}

export interface InvalidSettings {
  error: string;
  problems: SettingsProblem[];
}

export interface StaleSettings<T = unknown> {
  error: string;
  current: Versioned<T>;
}

export interface HistoryEntryView {
  id: number;
  /** ISO timestamp. */
  at: string;
  /** Who changed it; null for the first-run seed. */
  actorName: string | null;
  kind: 'seed' | 'edit' | 'import';
  changes: { key: SettingsKey; version: number; lines: string[] }[];
}

/** Someone the bot has seen in one of the partnership's meeting chats, to add without typing their id. */
export interface SeenPerson {
  aadObjectId: string;
  name: string;
}
