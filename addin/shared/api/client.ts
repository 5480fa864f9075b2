import { ReasonedError } from '../../../src/errors.ts';
import type {
  AdminView,
  HistoryEntryView,
  InvalidSettings,
  SeenPerson,
  SettingsProblem,
  StaleSettings,
  Versioned,
} from '../../../src/api/adminContract.ts';
import type {
  AddinConfig,
  CaseDetail,
  CaseList,
  DraftedRequest,
  EmailToDraft,
  MeetingCase,
  StageView,
} from '../../../src/api/contract.ts';
import type { Administrator, CountySettings, PartnershipSettings } from '../../../src/settings/settings.ts';
import type { PartnershipId } from '../../../src/templates/fields.ts';

export type ApiErrorReason =
  | 'unreachable'
  | 'signInNeeded'
  | 'forbidden'
  | 'notFound'
  | 'rejected'
  | 'invalid'
  | 'stale'
  | 'serverError';

/** A failed API call, with a message a coordinator can act on. */
export class ApiError extends ReasonedError<ApiErrorReason> {}

/** A 400 on a settings change: every problem with the dotted path of the field it is about. */
export class InvalidSettingsError extends ApiError {
  readonly problems: SettingsProblem[];
  constructor(message: string, problems: SettingsProblem[]) {
    super('invalid', message);
    this.problems = problems;
  }
}

/** A 409 on a settings change: someone else changed the document first; here is what it is now. */
export class StaleSettingsError<T = unknown> extends ApiError {
  readonly current: Versioned<T>;
  constructor(current: Versioned<T>) {
    super('stale', 'Someone else changed this since you opened it. Here is what it is now.');
    this.current = current;
  }
}

export interface ApiClient {
  config(): Promise<AddinConfig>;
  /** The directory (signed in): parsed by the caller. */
  directory(): Promise<unknown>;
  /** A page of the coordinator's cases with emails to draft, matching `search`, after `cursor` (a `nextCursor`). */
  cases(query?: { search?: string; cursor?: string }): Promise<CaseList>;
  case(id: string): Promise<CaseDetail>;
  drafted(id: string, email: DraftedRequest): Promise<EmailToDraft[]>;
  meetingCases(conversationId: string): Promise<MeetingCase[]>;
  addToAgenda(conversationId: string, referral: Record<string, string>): Promise<{ id: string }>;
  stage(caseId: string): Promise<StageView>;
}

export type Token = () => Promise<string>;

/**
 * A request function for the service: a success's JSON body, or an ApiError a person can act on. `refine` may
 * throw a more precise error for an answer first (the Administration API's 400, 409 and 428).
 */
export function requester(
  baseUrl: string,
  token: Token,
  refine?: (status: number, body: { error?: string }) => void,
) {
  return async function request<T>(path: string, init: RequestInit = {}, signedIn = true): Promise<T> {
    let response: Response;
    try {
      const headers: Record<string, string> = {
        accept: 'application/json',
        ...(init.headers as Record<string, string> | undefined),
      };
      if (init.body) headers['content-type'] = 'application/json';
      if (signedIn) headers.authorization = `Bearer ${await token()}`;
      response = await fetch(`${baseUrl}${path}`, { ...init, headers });
    } catch (error) {
      if (error instanceof Error && error.name !== 'TypeError') throw error;
      throw new ApiError(
        'unreachable',
        'The Inclusion Partnerships service cannot be reached. Check your connection and try again.',
      );
    }
    const body = (await response.json().catch(() => ({}))) as { error?: string };
    if (response.ok) return body as T;
    refine?.(response.status, body);
    const message = body.error ?? `The service answered ${response.status}.`;
    if (response.status === 401) throw new ApiError('signInNeeded', message);
    if (response.status === 403) throw new ApiError('forbidden', message);
    if (response.status === 404) throw new ApiError('notFound', message);
    if (response.status >= 500)
      throw new ApiError(
        'serverError',
        'The service had a problem; nothing was changed. Try again in a minute.',
      );
    throw new ApiError('rejected', message);
  };
}

export function createApiClient(baseUrl: string, token: Token): ApiClient {
  const request = requester(baseUrl, token);
  return {
    config: () => request<AddinConfig>('/api/addin/config', {}, false),
    directory: () => request<unknown>('/api/directory'),
    cases: ({ search, cursor } = {}) => {
      const query = new URLSearchParams();
      if (search?.trim()) query.set('search', search.trim());
      if (cursor) query.set('cursor', cursor);
      return request<CaseList>(query.size ? `/api/cases?${query}` : '/api/cases');
    },
    case: (id) => request<CaseDetail>(`/api/cases/${encodeURIComponent(id)}`),
    meetingCases: async (conversationId) =>
      (
        await request<{ cases: MeetingCase[] }>(
          `/api/conversations/${encodeURIComponent(conversationId)}/cases`,
        )
      ).cases,
    addToAgenda: (conversationId, referral) =>
      request<{ id: string }>(`/api/conversations/${encodeURIComponent(conversationId)}/cases`, {
        method: 'POST',
        body: JSON.stringify(referral),
      }),
    stage: (caseId) => request<StageView>(`/api/cases/${encodeURIComponent(caseId)}/stage`),
    drafted: async (id, email) =>
      (
        await request<{ emails: EmailToDraft[] }>(`/api/cases/${encodeURIComponent(id)}/emails`, {
          method: 'POST',
          body: JSON.stringify(email),
        })
      ).emails,
  };
}

/** The Administration page's calls (src/api/adminContract.ts). Each change is sent whole with its version. */
export interface AdminApi {
  view(): Promise<AdminView>;
  saveAdministrators(value: Administrator[], version: number): Promise<Versioned<Administrator[]>>;
  saveCounty(value: CountySettings, version: number): Promise<Versioned<CountySettings>>;
  savePartnership(value: PartnershipSettings, version: number): Promise<Versioned<PartnershipSettings>>;
  history(about: 'administrators' | 'county' | PartnershipId): Promise<HistoryEntryView[]>;
  peopleSeen(partnership: PartnershipId): Promise<SeenPerson[]>;
}

export function createAdminApi(baseUrl: string, token: Token): AdminApi {
  const request = requester(baseUrl, token, (status, body) => {
    if (status === 400 && Array.isArray((body as Partial<InvalidSettings>).problems))
      throw new InvalidSettingsError(
        body.error ?? 'Some of the values are not valid.',
        (body as InvalidSettings).problems,
      );
    if (status === 409 && (body as Partial<StaleSettings>).current)
      throw new StaleSettingsError((body as StaleSettings).current);
    if (status === 428)
      throw new ApiError(
        'rejected',
        'The change was sent without the version it was based on, so it was not saved. Reload the page and try again.',
      );
  });
  const put = <T>(path: string, value: T, version: number) =>
    request<Versioned<T>>(path, {
      method: 'PUT',
      headers: { 'if-match': `"${version}"` },
      body: JSON.stringify(value),
    });
  return {
    view: () => request<AdminView>('/api/admin'),
    saveAdministrators: (value, version) => put('/api/admin/administrators', value, version),
    saveCounty: (value, version) => put('/api/admin/county', value, version),
    savePartnership: (value, version) =>
      put(`/api/admin/partnerships/${encodeURIComponent(value.id)}`, value, version),
    history: async (about) =>
      (
        await request<{ entries: HistoryEntryView[] }>(
          `/api/admin/history?about=${encodeURIComponent(about)}`,
        )
      ).entries,
    peopleSeen: async (partnership) =>
      (
        await request<{ people: SeenPerson[] }>(
          `/api/admin/partnerships/${encodeURIComponent(partnership)}/people-seen`,
        )
      ).people,
  };
}
