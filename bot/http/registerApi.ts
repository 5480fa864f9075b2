import { permissions } from '../../src/auth/policy.ts';
import { caseHandlers } from './api.ts';
import { adminHandlers } from '../admin/adminApi.ts';
import { recordHandlers } from './recordsApi.ts';
import type { BotConfig } from '../config.ts';
import { personOf, settingsNameOf } from '../people.ts';
import type { Services } from '../teams/services.ts';
import { createApiAuthenticator } from './apiAuth.ts';
import { apiRoutes, type ApiRoute, type RouteKey } from './routes.ts';
import { error, match, type Handler } from './routing.ts';
import type { HttpRequest, NodeHttpAdapter } from './server.ts';

/**
 * Puts the route table on the HTTP server: each request is matched to its route, signed in (unless public),
 * turned into the policy's person, and handed to the route's handler, which checks the route's permission
 * against what the request is about.
 */
export function registerApi(adapter: NodeHttpAdapter, services: Services, config: BotConfig): void {
  const authenticate = createApiAuthenticator(config);
  const handlers: Record<RouteKey, Handler> = {
    ...caseHandlers(services, config),
    ...adminHandlers(services),
    ...recordHandlers(services),
  };

  async function dispatch(route: ApiRoute, request: HttpRequest, params: Record<string, string>) {
    const handler = handlers[`${route.method} ${route.path}` as RouteKey];
    if (route.permission === 'public')
      return handler(request, params, {
        principal: { id: '', tenantId: '', name: '', guest: false, roles: [] },
        person: { standing: 'signedOut', coordinates: [], administers: false },
      });
    const header = request.headers.authorization;
    const signedIn = await authenticate(Array.isArray(header) ? header[0] : header);
    if (!signedIn.ok) return error(signedIn.error.status, signedIn.error.message);
    // The local stand-in sign-in carries no name: the settings know the person (history says who changed what).
    const principal =
      config.auth.kind === 'dangerouslyUnauthenticated'
        ? {
            ...signedIn.principal,
            name:
              settingsNameOf(services.settings.settings, signedIn.principal.id) ?? signedIn.principal.name,
          }
        : signedIn.principal;
    // The deployment names its first administrators: by object id, or by the app role in the token.
    const administrator =
      config.admin.objectIds.includes(principal.id.toLowerCase()) ||
      principal.roles.includes(config.admin.appRole);
    const person = personOf(services.settings.settings, principal.id, principal.guest ? 'guest' : 'member', {
      administrator,
    });
    // Routes for one kind of person refuse everyone else before anything is looked up.
    // (The add-in's case routes too: the same answer for every case id, existing or not.)
    const coordinatorsOnly =
      route.permission === 'useCoordinatorTools' || route.permission === 'draftCaseEmails';
    if (coordinatorsOnly && permissions.useCoordinatorTools(person) !== 'allow')
      return error(403, 'Only partnership coordinators can use the add-in.');
    if (route.permission === 'useAdministration' && permissions.useAdministration(person) !== 'allow')
      return error(403, 'Only administrators and coordinators can use the Administration page.');
    return handler(request, params, { principal, person });
  }

  for (const method of ['GET', 'POST', 'PUT'] as const) {
    adapter.routePrefix(method, '/api/', async (request) => {
      for (const route of apiRoutes) {
        if (route.method !== method) continue;
        const params = match(route.path, request.path);
        if (params) return dispatch(route, request, params);
      }
      return apiRoutes.some((route) => match(route.path, request.path))
        ? error(405, 'That method is not allowed here.')
        : error(404, 'Not found.');
    });
  }
}
