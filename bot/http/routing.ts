import type { PermissionName, Person, Verdict } from '../../src/auth/policy.ts';
import type { Principal } from './apiAuth.ts';
import type { HttpRequest, HttpResponse } from './server.ts';

/**
 * The API's routes as data: each names its method, its path (`:name` is a parameter) and the permission of the
 * policy that guards it. The table is in routes.ts; the handlers live with what they serve.
 */

export interface ApiRouteSpec {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  /** `public`: no sign-in (the add-in's start-up settings); otherwise the policy's permission. */
  permission: PermissionName | 'public';
  /** The query string's parameters the route reads (checked by its handler); none when absent. */
  query?: readonly string[];
}

/** Who is calling: the verified token's principal, and the policy's view of them. */
export interface Caller {
  principal: Principal;
  person: Person;
}

export type Handler = (
  request: HttpRequest,
  params: Record<string, string>,
  caller: Caller,
) => Promise<HttpResponse>;

export const error = (
  status: number,
  message: string,
  extra: Record<string, unknown> = {},
): HttpResponse => ({
  status,
  body: { error: message, ...extra },
});

/** A verdict other than allow, as HTTP: refused is 403, concealed is exactly the 404 of a missing thing. */
export function denied(verdict: Exclude<Verdict, 'allow'>, refusal: string, missing: string): HttpResponse {
  return verdict === 'refuse' ? error(403, refusal) : error(404, missing);
}

/** Matches a request path against a route's path; undefined when it does not match or cannot be decoded. */
export function match(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, part] of want.entries()) {
    const actual = got[index] ?? '';
    if (part.startsWith(':')) {
      if (actual === '') return undefined;
      try {
        params[part.slice(1)] = decodeURIComponent(actual);
      } catch {
        return undefined;
      }
    } else if (part !== actual) return undefined;
  }
  return params;
}
