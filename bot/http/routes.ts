import type { ApiRouteSpec } from './routing.ts';

/**
 * Every route of the bot's HTTP API (the add-in, the meeting pages and the Administration page), with the
 * permission that guards it. A route without a handler does not compile; the authorisation matrix test is
 * generated from this table.
 */
export const apiRoutes = [
  { method: 'GET', path: '/api/addin/config', permission: 'public' },
  { method: 'GET', path: '/api/directory', permission: 'seeDirectory' },
  // A page of the coordinator's cases: a search, the page's size and where it starts (caseListQuerySchema).
  {
    method: 'GET',
    path: '/api/cases',
    permission: 'useCoordinatorTools',
    query: ['search', 'limit', 'cursor'],
  },
  { method: 'GET', path: '/api/cases/:caseId', permission: 'draftCaseEmails' },
  { method: 'POST', path: '/api/cases/:caseId/emails', permission: 'draftCaseEmails' },
  { method: 'GET', path: '/api/cases/:caseId/stage', permission: 'seeCase' },
  { method: 'GET', path: '/api/conversations/:conversationId/cases', permission: 'listChatCases' },
  { method: 'POST', path: '/api/conversations/:conversationId/cases', permission: 'startCase' },
  { method: 'GET', path: '/api/cases/:caseId/record', permission: 'seeDecisionRecord' },
  { method: 'PUT', path: '/api/cases/:caseId/hold', permission: 'holdRecords' },
  {
    method: 'GET',
    path: '/api/reports',
    permission: 'seeReports',
    query: ['partnership', 'from', 'to', 'format'],
  },
  { method: 'GET', path: '/api/reports/county', permission: 'seeCountyReports' },
  {
    method: 'GET',
    path: '/api/records/export',
    permission: 'seeReports',
    query: ['partnership', 'from', 'to'],
  },
  { method: 'GET', path: '/api/admin', permission: 'useAdministration' },
  { method: 'PUT', path: '/api/admin/administrators', permission: 'manageAdministrators' },
  { method: 'PUT', path: '/api/admin/county', permission: 'manageCounty' },
  { method: 'PUT', path: '/api/admin/partnerships/:partnershipId', permission: 'managePartnership' },
  { method: 'GET', path: '/api/admin/history', permission: 'useAdministration', query: ['about'] },
  {
    method: 'GET',
    path: '/api/admin/partnerships/:partnershipId/people-seen',
    permission: 'managePartnership',
  },
] as const satisfies readonly ApiRouteSpec[];

export type ApiRoute = (typeof apiRoutes)[number];
export type RouteKey = ApiRoute extends infer R
  ? R extends ApiRoute
    ? `${R['method']} ${R['path']}`
    : never
  : never;
export type AdminRouteKey = Extract<RouteKey, `${string} /api/admin${string}`>;
export type RecordRouteKey = Extract<
  RouteKey,
  | `${string} /api/reports${string}`
  | `${string} /api/records${string}`
  | `${string}/record`
  | `${string}/hold`
>;
export type CaseRouteKey = Exclude<RouteKey, AdminRouteKey | RecordRouteKey>;
