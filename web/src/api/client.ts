// The typed API client: every path, parameter and body checked against schema.d.ts, which
// scripts/api-types.ts generates from the server's OpenAPI document.
//
// Cookies are HttpOnly, so the browser carries the session; we add the CSRF token to every
// request that changes something, and tell the server which language we speak.
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema.d.ts';

type JsonOf<Path extends keyof paths, Method extends 'get' | 'post', Status extends number> =
  paths[Path][Method] extends { responses: Record<Status, { content: { 'application/json': infer Body } }> }
    ? Body
    : never;

export type Session = JsonOf<'/api/v1/auth/session', 'get', 200>;
export type User = Session['user'];
export type Workspace = Session['workspaces'][number];
export type WorkspaceRole = Workspace['role'];
export type DemoUsers = JsonOf<'/api/v1/auth/demo-users', 'get', 200>;
export type DemoUser = DemoUsers['users'][number];
export type Overview = JsonOf<'/api/v1/w/{workspace}/overview', 'get', 200>;
export type CapabilityStatus = Overview['capabilities'][number];

export const WORKSPACE_ROLES = ['strategist', 'manager', 'reviewer', 'member', 'viewer'] as const satisfies readonly WorkspaceRole[];

export function isWorkspaceRole(role: string): role is WorkspaceRole {
  return (WORKSPACE_ROLES as readonly string[]).includes(role);
}

/** A failed call: the API's `{ error: { code, message, field } }`, or RELAIS_NETWORK when there was no answer. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly field: string | undefined;
  /** The error's other facts (retryAfterSeconds, hint…). */
  readonly details: Record<string, unknown>;

  constructor(code: string, message: string, status: number, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.field = typeof details.field === 'string' ? details.field : undefined;
    this.details = details;
  }
}

let csrfToken: string | null = null;
let language = 'en';

/** Remembers the session's CSRF token, sent as x-csrf-token on every non-GET request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The interface's language, sent as Accept-Language so that the server may answer in it. */
export function setApiLanguage(locale: string): void {
  language = locale;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const headers: Middleware = {
  onRequest({ request }) {
    request.headers.set('accept-language', language);
    if (csrfToken && !SAFE_METHODS.has(request.method)) request.headers.set('x-csrf-token', csrfToken);
    return request;
  },
};

/** Fired when a call outside /auth/ answers 401: the session ended elsewhere (expiry, log-out in another tab). */
export const SESSION_LOST = 'relais:session-lost';

const sessionWatch: Middleware = {
  onResponse({ response, schemaPath }) {
    if (response.status === 401 && !schemaPath.startsWith('/api/v1/auth/')) {
      window.dispatchEvent(new CustomEvent(SESSION_LOST));
    }
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(headers, sessionWatch);

interface Result<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

function toApiError(body: unknown, response: Response): ApiError {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  if (error && typeof error.code === 'string') {
    const { code, message, ...details } = error;
    return new ApiError(code, typeof message === 'string' ? message : code, response.status, details);
  }
  // Not our JSON (a proxy's error page…): keep the status, say it plainly.
  return new ApiError(`HTTP_${response.status}`, response.statusText || `HTTP ${response.status}`, response.status);
}

/**
 * The data of a call, or an ApiError.
 * @example const session = await unwrap(api.GET('/api/v1/auth/session'));
 */
export async function unwrap<T>(call: Promise<Result<T>>): Promise<T> {
  let result: Result<T>;
  try {
    result = await call;
  } catch (cause) {
    throw new ApiError('RELAIS_NETWORK', cause instanceof Error ? cause.message : String(cause), 0);
  }
  if (!result.response.ok) throw toApiError(result.error, result.response);
  return result.data as T;
}

/** The URL of a workspace's server-sent events stream. */
export function eventsUrl(workspace: string): string {
  return `/api/v1/w/${encodeURIComponent(workspace)}/events`;
}
