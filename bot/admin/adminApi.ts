import type { z } from 'zod';
import type { AdminView, HistoryEntryView, SeenPerson, Versioned } from '../../src/api/adminContract.ts';
import { changesAsAdministrator, permissions, type Person } from '../../src/auth/policy.ts';
import { changedBeyondCoordinator, describeChange } from '../../src/settings/changes.ts';
import {
  administratorsSchema,
  countySettingsSchema,
  partnershipKey,
  partnershipSettingsSchema,
  type PartnershipSettings,
  type SettingsKey,
} from '../../src/settings/settings.ts';
import { partnershipIds, type PartnershipId } from '../../src/templates/fields.ts';
import { problemsOf, type Problem } from '../../src/text/problems.ts';
import type { AdminRouteKey } from '../http/routes.ts';
import { denied, error, type Caller, type Handler } from '../http/routing.ts';
import type { HttpRequest, HttpResponse } from '../http/server.ts';
import { membersSeenInPartnership } from '../store/chatMembers.ts';
import { settingsHistory, writeSettings } from '../store/settings.ts';
import type { Services } from '../teams/services.ts';

/**
 * The Administration page's API (src/api/adminContract.ts): each settings document is read with its version and
 * written whole with `If-Match`, so a change never overwrites another silently. Administrators change
 * everything; a coordinator changes their own partnership's panel, schools' key facts, vote settings and forum
 * dates.
 */

const NOT_FOUND = 'No such partnership.';

const isPartnership = (id: string | undefined): id is PartnershipId =>
  (partnershipIds as readonly string[]).includes(id ?? '');

/** The version a change was based on, from `If-Match: "3"`; undefined when missing or malformed. */
function basedOn(request: HttpRequest): number | undefined {
  const header = request.headers['if-match'];
  const value = (Array.isArray(header) ? header[0] : header)?.trim().replace(/^W\//, '').replace(/"/g, '');
  return value && /^\d{1,9}$/.test(value) ? Number(value) : undefined;
}

const versioned = <T>(value: T, version: number): HttpResponse => ({
  status: 200,
  body: { value, version } satisfies Versioned<T>,
  headers: { etag: `"${version}"` },
});

/** A refused body: the first problem in the message, and every one by its path ('' for the body itself). */
function invalid(problems: readonly Problem[]): HttpResponse {
  const [first] = problems;
  return error(400, `${first?.path || 'body'}: ${first?.message ?? 'invalid'}`, {
    problems: problems.map(({ path, message }) => ({ path, message })),
  });
}

export function adminHandlers(services: Services): Record<AdminRouteKey, Handler> {
  const live = services.settings;

  /** Validates and writes one document, answering as the contract says. */
  async function put(
    request: HttpRequest,
    { principal }: Caller,
    key: SettingsKey,
    schema: z.ZodType,
    check: (value: never) => HttpResponse | undefined = () => undefined,
  ): Promise<HttpResponse> {
    const version = basedOn(request);
    if (version === undefined)
      return error(428, 'Send the version the change is based on, as If-Match: "<version>".');
    const parsed = schema.safeParse(request.body);
    if (!parsed.success) return invalid(problemsOf(parsed.error, ''));
    const refused = check(parsed.data as never);
    if (refused) return refused;
    const written = await writeSettings(
      services.db,
      [{ key, value: parsed.data, basedOn: version }],
      { id: principal.id, name: principal.name },
      'edit',
    );
    if (!written.ok) return error(409, written.error.message, { current: written.error.current });
    await live.reload();
    services.log.event('info', 'settings.changed', { key, version: live.versions[key] });
    return versioned(parsed.data, live.versions[key]);
  }

  /** The partnerships a person sees on the page. */
  const visible = (person: Person) =>
    partnershipIds.filter((id) => permissions.managePartnership(person, { partnership: id }) === 'allow');

  return {
    'GET /api/admin': async (_request, _params, { principal, person }) => {
      const { settings, versions } = live;
      const administrator = changesAsAdministrator(person);
      const body: AdminView = {
        me: { name: principal.name, administrator, coordinates: [...person.coordinates] },
        ...(administrator
          ? { administrators: { value: settings.administrators, version: versions.administrators } }
          : {}),
        county: { value: settings.county, version: versions.county },
        partnerships: visible(person).map((id) => ({
          value: settings.partnerships[id],
          version: versions[partnershipKey(id)],
        })),
        may: {
          administrators: permissions.manageAdministrators(person) === 'allow',
          county: permissions.manageCounty(person) === 'allow',
          partnerships: Object.fromEntries(
            visible(person).map((id) => [id, administrator ? 'all' : 'coordinator'] as const),
          ),
        },
      };
      return { status: 200, body };
    },

    'PUT /api/admin/administrators': async (request, _params, caller) => {
      const verdict = permissions.manageAdministrators(caller.person);
      if (verdict !== 'allow')
        return denied(verdict, 'Only administrators can change the administrators.', '');
      return put(
        request,
        caller,
        'administrators',
        administratorsSchema,
        (list: z.output<typeof administratorsSchema>) =>
          list.length === 0
            ? error(400, 'The last administrator cannot be removed: add another first.', {
                problems: [{ path: '', message: 'at least one administrator must remain' }],
              })
            : undefined,
      );
    },

    'PUT /api/admin/county': async (request, _params, caller) => {
      const verdict = permissions.manageCounty(caller.person);
      if (verdict !== 'allow')
        return denied(verdict, 'Only administrators can change the County’s contacts.', '');
      return put(request, caller, 'county', countySettingsSchema);
    },

    'PUT /api/admin/partnerships/:partnershipId': async (request, params, caller) => {
      const id = params.partnershipId;
      if (!isPartnership(id)) return error(404, NOT_FOUND);
      const verdict = permissions.managePartnership(caller.person, { partnership: id });
      if (verdict !== 'allow')
        return denied(
          verdict,
          'Only administrators and the partnership’s coordinators can change it.',
          NOT_FOUND,
        );
      return put(
        request,
        caller,
        partnershipKey(id),
        partnershipSettingsSchema,
        (after: PartnershipSettings) => {
          if (after.id !== id) return invalid([{ path: 'id', message: `expected "${id}"` }]);
          if (changesAsAdministrator(caller.person)) return undefined;
          const beyond = changedBeyondCoordinator(live.settings.partnerships[id], after);
          return beyond
            ? error(403, `Only an administrator can change ${beyond.split('.')[0]}.`, {
                problems: [{ path: beyond, message: 'only an administrator can change this' }],
              })
            : undefined;
        },
      );
    },

    'GET /api/admin/history': async (request, _params, { person }) => {
      const about = request.query.get('about') ?? '';
      const key: SettingsKey | undefined =
        about === 'administrators' || about === 'county'
          ? about
          : isPartnership(about)
            ? partnershipKey(about)
            : undefined;
      if (!key) return error(400, 'about: expected administrators, county or a partnership id');
      const verdict =
        key === 'administrators'
          ? permissions.manageAdministrators(person)
          : key === 'county'
            ? permissions.seeCounty(person)
            : permissions.managePartnership(person, { partnership: about as PartnershipId });
      if (verdict !== 'allow') return denied(verdict, 'That history is not yours to see.', NOT_FOUND);
      const entries = await settingsHistory(services.db, [key]);
      const view: HistoryEntryView[] = entries.map((entry) => ({
        id: entry.id,
        at: entry.at.toISOString(),
        actorName: entry.actorName,
        kind: entry.kind,
        changes: entry.changes.map((change) => ({
          key: change.key,
          version: change.version,
          lines: describeChange(change.key, change.before, change.after),
        })),
      }));
      return { status: 200, body: { entries: view } };
    },

    'GET /api/admin/partnerships/:partnershipId/people-seen': async (_request, params, { person }) => {
      const id = params.partnershipId;
      if (!isPartnership(id)) return error(404, NOT_FOUND);
      const verdict = permissions.managePartnership(person, { partnership: id });
      if (verdict !== 'allow')
        return denied(
          verdict,
          'Only administrators and the partnership’s coordinators can see this.',
          NOT_FOUND,
        );
      // The members of the tenant the bot has seen in the chats where this partnership's cases are run.
      const people: SeenPerson[] = await membersSeenInPartnership(services.db, id);
      return { status: 200, body: { people } };
    },
  };
}
