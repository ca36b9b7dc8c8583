import { Router, type Request, type Response } from 'express';
import { z, type ZodType } from 'zod';
import { IdempotencyKeySchema } from '../../shared/schemas/common.js';
import type { AppDeps } from '../deps.js';
import type { Viewer } from '../features/users/viewer.js';
import { invalidInput, unauthenticated } from './errors.js';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Shape = z.ZodObject<z.ZodRawShape>;

export interface RouteContext<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  /** Null for anonymous requests (only on routes with `auth: 'optional'` or `'none'`). */
  viewer: Viewer | null;
  req: Request;
  res: Response;
  deps: AppDeps;
}

export interface RouteDef<P = any, Q = any, B = any, R = any> {
  method: Method;
  /** Express-style path below /api/v1, e.g. `/spaces/:slug`. */
  path: string;
  summary: string;
  tag: string;
  /** `user` answers 401 without a session; `optional` lets anonymous readers through. */
  auth: 'none' | 'optional' | 'user';
  params?: Shape;
  query?: Shape;
  body?: ZodType;
  /** Success body schema; null for 204. */
  response: ZodType | null;
  status?: 200 | 201 | 204;
  /** Error statuses worth listing in the OpenAPI document besides 400/500. */
  errors?: number[];
  handler(ctx: RouteContext<P, Q, B>): Promise<R>;
}

/** Types a route's handler from its schemas; the same object feeds Express and OpenAPI. */
export function defineRoute<
  P extends Shape | undefined,
  Q extends Shape | undefined,
  B extends ZodType | undefined,
  R extends ZodType | null,
>(def: {
  method: Method;
  path: string;
  summary: string;
  tag: string;
  auth: RouteDef['auth'];
  params?: P;
  query?: Q;
  body?: B;
  response: R;
  status?: 200 | 201 | 204;
  errors?: number[];
  handler(
    ctx: RouteContext<
      P extends Shape ? z.output<P> : Record<string, never>,
      Q extends Shape ? z.output<Q> : Record<string, never>,
      B extends ZodType ? z.output<B> : undefined
    >,
  ): Promise<R extends ZodType ? z.input<R> : void>;
}): RouteDef {
  return def as RouteDef;
}

function parse(schema: ZodType | undefined, value: unknown, where: string) {
  if (!schema) return where === 'body' ? undefined : {};
  const result = schema.safeParse(value ?? {});
  if (!result.success) throw invalidInput(result.error, where === 'body' ? undefined : where);
  return result.data;
}

/** The optional `Idempotency-Key` header of a REST write, validated like socket payload keys. */
export function idempotencyKeyOf(req: Request): string | undefined {
  const key = req.get('idempotency-key');
  if (key === undefined) return undefined;
  const parsed = IdempotencyKeySchema.safeParse(key);
  if (!parsed.success) throw invalidInput(parsed.error, 'Idempotency-Key');
  return parsed.data;
}

export function mountRoutes(routes: RouteDef[], deps: AppDeps): Router {
  const router = Router();
  for (const route of routes) {
    router[route.method](route.path, async (req, res) => {
      const params = parse(route.params, req.params, 'params');
      const query = parse(route.query, req.query, 'query');
      const body = parse(route.body, req.body, 'body');
      const viewer = req.viewer ?? null;
      if (route.auth === 'user' && !viewer) throw unauthenticated();
      const result = await route.handler({ params, query, body, viewer, req, res, deps });
      if (route.status === 204 || route.response === null) res.status(204).end();
      else res.status(route.status ?? 200).json(result);
    });
  }
  return router;
}

declare global {
  namespace Express {
    interface Request {
      viewer?: Viewer | null;
    }
  }
}
