import { ReasonedError } from '../../src/errors.ts';
import type {
  AddinConfig,
  CaseDetail,
  CaseSummary,
  DraftedRequest,
  EmailToDraft,
  MeetingCase,
  StageView,
} from '../../src/api/contract.ts';

export type ApiErrorReason =
  'unreachable' | 'signInNeeded' | 'forbidden' | 'notFound' | 'rejected' | 'serverError';

/** A failed API call, with a message a coordinator can act on. */
export class ApiError extends ReasonedError<ApiErrorReason> {}

export interface ApiClient {
  config(): Promise<AddinConfig>;
  cases(): Promise<CaseSummary[]>;
  case(id: string): Promise<CaseDetail>;
  drafted(id: string, email: DraftedRequest): Promise<EmailToDraft[]>;
  meetingCases(conversationId: string): Promise<MeetingCase[]>;
  addToAgenda(conversationId: string, referral: Record<string, string>): Promise<{ id: string }>;
  stage(caseId: string): Promise<StageView>;
}

export function createApiClient(baseUrl: string, token: () => Promise<string>): ApiClient {
  async function request<T>(path: string, init: RequestInit = {}, signedIn = true): Promise<T> {
    let response: Response;
    try {
      const headers: Record<string, string> = { accept: 'application/json' };
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
  }
  return {
    config: () => request<AddinConfig>('/api/addin/config', {}, false),
    cases: async () => (await request<{ cases: CaseSummary[] }>('/api/cases')).cases,
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
