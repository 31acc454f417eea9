// The JSON API: one OpenAPIHono app where every route declares its access, its zod schemas
// (which validate the request and generate the OpenAPI document), and a short handler.
// Errors of every kind leave through `toErrorResponse`, the one place codes become HTTP.
import { OpenAPIHono, type RouteConfig, type RouteHandler, type z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { RelaisError } from '../errors.ts';
import type { Access } from '../auth/roles.ts';
import { requireAccess } from './access.ts';
import type { AppEnv } from './context.ts';

/** Request bodies above this are refused unless a route declares more. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

export interface RouteInfo {
  method: string;
  /** OpenAPI-style path, e.g. /api/v1/w/{workspace}/overview. */
  path: string;
  access: Access;
  /** Only API tokens may call it (scripts, webhooks): the token names the workspace. */
  tokenOnly: boolean;
}

export interface RouteOptions {
  maxBodyBytes?: number;
  tokenOnly?: boolean;
}

const TARGET_NAMES: Record<string, string> = { json: 'body', query: 'query', param: 'path', header: 'header', cookie: 'cookie', form: 'body' };

/** Zod's verdict → our error: the first issue's message and the field it is about. */
export function validationError(target: string, error: z.ZodError): RelaisError {
  const issues = error.issues.map((issue) => ({ field: [TARGET_NAMES[target] ?? target, ...issue.path.map(String)].join('.'), message: issue.message }));
  const first = issues[0] ?? { field: TARGET_NAMES[target] ?? target, message: 'invalid' };
  return new RelaisError('RELAIS_REQUEST_INVALID', `${first.field}: ${first.message}`, { field: first.field, issues });
}

export function toErrorResponse(error: unknown, c: Context<AppEnv>): Response {
  let relaisError: RelaisError;
  if (error instanceof RelaisError) relaisError = error;
  else if (error instanceof HTTPException && error.status === 413) relaisError = new RelaisError('RELAIS_REQUEST_TOO_LARGE');
  else if (error instanceof HTTPException && error.status === 400) {
    relaisError = new RelaisError('RELAIS_REQUEST_INVALID', `body: ${error.message}`, { field: 'body' });
  } else if (error instanceof HTTPException && error.status < 500) {
    relaisError = new RelaisError('RELAIS_REQUEST_INVALID', error.message);
  } else {
    const log = c.get('log') ?? c.get('services')?.log;
    log?.error({ err: error }, 'unhandled error');
    relaisError = new RelaisError('RELAIS_INTERNAL', undefined, { requestId: c.get('requestId') });
  }
  if (typeof relaisError.details.retryAfterSeconds === 'number') c.header('Retry-After', String(relaisError.details.retryAfterSeconds));
  return c.json(relaisError.toJSON(), relaisError.status as ContentfulStatusCode);
}

// Reading `c.req.raw.body` turns @hono/node-server's light request into a full one: routes
// whose method has no body skip the limit altogether (a third of a GET's cost under load).
const BODYLESS = new Set(['GET', 'HEAD', 'OPTIONS', 'DELETE']);

function limitBody(limit: number) {
  return bodyLimit({
    maxSize: limit,
    onError: () => {
      throw new RelaisError('RELAIS_REQUEST_TOO_LARGE', `The request body is larger than ${limit} bytes.`, { field: 'body', limit });
    },
  });
}

export class Api {
  readonly app: OpenAPIHono<AppEnv>;
  readonly routes: RouteInfo[] = [];

  constructor() {
    this.app = new OpenAPIHono<AppEnv>({
      defaultHook: (result) => {
        if (!result.success) throw validationError(result.target, result.error);
      },
    });
    this.app.openAPIRegistry.registerComponent('securitySchemes', 'session', { type: 'apiKey', in: 'cookie', name: 'relais_session' });
    this.app.openAPIRegistry.registerComponent('securitySchemes', 'token', { type: 'http', scheme: 'bearer' });
  }

  /** Declares a route: who may call it, its schemas, and its handler. */
  route<R extends RouteConfig>(access: Access, config: R, handler: RouteHandler<R, AppEnv>, options: RouteOptions = {}): void {
    const limit = options.maxBodyBytes ?? DEFAULT_BODY_LIMIT;
    const described = {
      ...config,
      description: [config.description, `Access: ${access}.`].filter(Boolean).join('\n\n'),
      ...(access === 'public' ? {} : { security: [{ session: [] }, { token: [] }] }),
      middleware: [requireAccess(access, { tokenOnly: options.tokenOnly ?? false }), ...(BODYLESS.has(config.method.toUpperCase()) ? [] : [limitBody(limit)])],
    };
    this.routes.push({ method: config.method.toUpperCase(), path: config.path, access, tokenOnly: options.tokenOnly ?? false });
    this.app.openapi(described as unknown as R, handler as never);
  }
}
