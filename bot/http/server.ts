import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';
import type { HttpRouteHandler, IHttpServerAdapter } from '@microsoft/teams.apps';

/**
 * The HTTP transport, kept apart from the Teams protocol: it parses and bounds request bodies, routes them, and
 * writes JSON answers. The Teams SDK registers /api/messages on it like any other route; `guard` lets the app
 * refuse a Teams request (bad shape, tenant not allowed) before the SDK sees it.
 */

export interface HttpRequest {
  method: string;
  /** The path as sent, still percent-encoded; the transport has checked that every segment decodes. */
  path: string;
  /** The path's segments, each decoded once (the first is the empty one before the leading slash). */
  segments: string[];
  query: URLSearchParams;
  headers: Record<string, string | string[]>;
  body: unknown;
}

export interface HttpResponse {
  status: number;
  body?: unknown;
  /** Bytes to send as they are (static files), instead of a JSON body. */
  raw?: Buffer;
  headers?: Record<string, string>;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

export type Route = (request: HttpRequest) => Promise<HttpResponse>;
export type Guard = (request: HttpRequest) => HttpResponse | undefined;

const MAX_BODY_BYTES = 256 * 1024;

class RequestError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

/** Hosts a local (unauthenticated) bot answers to: a DNS-rebinding page's Host is its own name. */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The host name of a Host header, without its port and lower-cased. */
function hostName(header: string | undefined): string | undefined {
  return /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::\d*)?$/i.exec(header ?? '')?.[1]?.toLowerCase();
}

/**
 * Whether the Content-Type's media type is exactly application/json (its parameters, such as charset, aside).
 * A browser sends text/plain, form and multipart bodies to another site without asking first (no CORS
 * pre-flight), so anything else would let a web page post to a local bot as the coordinator.
 */
function isJson(contentType: string | undefined): boolean {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() === 'application/json';
}

/** Methods that change nothing; every other one must say it sends JSON, with or without a body. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const NOT_JSON = 'Send the request body as application/json.';
const BAD_ADDRESS = 'The address is not valid: it has a malformed percent-encoding or a control character.';

/** The path's segments, each decoded once; a malformed escape or a control character is a 400. */
function decodeSegments(path: string): string[] {
  let segments: string[];
  try {
    segments = path.split('/').map((segment) => decodeURIComponent(segment));
  } catch {
    throw new RequestError(400, BAD_ADDRESS);
  }
  // eslint-disable-next-line no-control-regex
  if (segments.some((segment) => /[\u0000-\u001f\u007f]/.test(segment)))
    throw new RequestError(400, BAD_ADDRESS);
  return segments;
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new RequestError(413, 'The request body is too large.');
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return undefined;
  if (!isJson(request.headers['content-type'])) throw new RequestError(415, NOT_JSON);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new RequestError(400, 'The request body is not valid JSON.');
  }
}

export class NodeHttpAdapter implements IHttpServerAdapter {
  private readonly routes = new Map<string, Route>();
  private readonly prefixes: { method: string; prefix: string; handler: Route }[] = [];
  private readonly guards = new Map<string, Guard>();
  private server: Server | undefined;
  private readonly host: string;
  private readonly allowedHosts: 'loopback' | 'any';
  private readonly onError: (error: unknown) => void;

  /**
   * `allowedHosts: 'loopback'` answers only requests whose Host is localhost, 127.0.0.1 or [::1] (any port):
   * for a bot that trusts whoever reaches it, so that a DNS-rebinding page cannot reach it by another name.
   */
  constructor(options: {
    host: string;
    allowedHosts: 'loopback' | 'any';
    onError: (error: unknown) => void;
  }) {
    this.host = options.host;
    this.allowedHosts = options.allowedHosts;
    this.onError = options.onError;
  }

  /** Called by the Teams SDK for /api/messages. */
  registerRoute(method: 'POST', path: string, handler: HttpRouteHandler): void {
    this.route(method, path, async (request) => handler({ body: request.body, headers: request.headers }));
  }

  route(method: string, path: string, handler: Route): void {
    this.routes.set(`${method} ${path}`, handler);
  }

  /** A route for every path under `prefix` (e.g. /api/cases/ for /api/cases/{id}). */
  routePrefix(method: string, prefix: string, handler: Route): void {
    this.prefixes.push({ method, prefix, handler });
  }

  guard(method: string, path: string, check: Guard): void {
    this.guards.set(`${method} ${path}`, check);
  }

  /** The port actually listened on (useful with port 0 in tests). */
  get port(): number | undefined {
    return (this.server?.address() as AddressInfo | null)?.port;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const send = (answer: HttpResponse) => {
      const body = answer.raw ?? (answer.body === undefined ? '' : JSON.stringify(answer.body));
      response.writeHead(answer.status, {
        'content-type': 'application/json; charset=utf-8',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        ...answer.headers,
      });
      response.end(body);
    };
    try {
      if (this.allowedHosts === 'loopback' && !LOOPBACK_HOSTS.has(hostName(request.headers.host) ?? '')) {
        return send({
          status: 421,
          body: { error: 'This local bot answers only requests addressed to localhost, 127.0.0.1 or [::1].' },
        });
      }
      let url: URL;
      try {
        url = new URL(request.url ?? '/', 'http://localhost');
      } catch {
        throw new RequestError(400, BAD_ADDRESS);
      }
      const segments = decodeSegments(url.pathname);
      if (!SAFE_METHODS.has(request.method ?? '') && !isJson(request.headers['content-type']))
        throw new RequestError(415, NOT_JSON);
      const key = `${request.method} ${url.pathname}`;
      // A path registered exactly for another method (POST /api/messages) is not a prefix route's to answer.
      const exactElsewhere = [...this.routes.keys()].some((route) => route.endsWith(` ${url.pathname}`));
      const handler =
        this.routes.get(key) ??
        (exactElsewhere
          ? undefined
          : this.prefixes.find(
              (route) => route.method === request.method && url.pathname.startsWith(route.prefix),
            )?.handler);
      if (!handler) {
        const known =
          [...this.routes.keys()].some((route) => route.endsWith(` ${url.pathname}`)) ||
          this.prefixes.some((route) => url.pathname.startsWith(route.prefix));
        return send(
          known
            ? { status: 405, body: { error: 'That method is not allowed here.' } }
            : { status: 404, body: { error: 'Not found.' } },
        );
      }
      const parsed: HttpRequest = {
        method: request.method ?? 'GET',
        path: url.pathname,
        segments,
        query: url.searchParams,
        headers: request.headers as Record<string, string | string[]>,
        body: await readBody(request),
      };
      const refused = this.guards.get(key)?.(parsed);
      send(refused ?? (await handler(parsed)));
    } catch (error) {
      if (error instanceof RequestError)
        return send({ status: error.status, body: { error: error.message } });
      this.onError(error);
      send({
        status: 500,
        body: { error: 'Something went wrong on our side; nothing was changed. Please try again.' },
      });
    }
  }

  /** Serves the files of `directory` under `path` (the built add-in), read-only and never outside it. */
  serveStatic(path: string, directory: string): void {
    const base = resolve(directory);
    const prefix = `${path.replace(/\/$/, '')}/`;
    const depth = prefix.split('/').length - 1;
    this.routePrefix('GET', prefix, async (request) => {
      const file = resolve(base, ...request.segments.slice(depth));
      if (!file.startsWith(`${base}${sep}`)) return { status: 404, body: { error: 'Not found.' } };
      try {
        const content = await readFile(file);
        const cache = file.endsWith('.html') ? 'no-cache' : 'public, max-age=31536000, immutable';
        return {
          status: 200,
          raw: content,
          headers: {
            'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
            'cache-control': cache,
          },
        };
      } catch {
        return { status: 404, body: { error: 'Not found.' } };
      }
    });
  }

  async start(port: number | string): Promise<void> {
    this.server = createServer((request, response) => void this.handle(request, response));
    this.server.keepAliveTimeout = 65_000;
    await new Promise<void>((resolve, reject) => {
      this.server?.once('error', reject);
      this.server?.listen(Number(port), this.host, () => resolve());
    });
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    this.server = undefined;
  }
}
