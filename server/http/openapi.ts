import { z, type ZodType } from 'zod';
import { ERROR_CODES } from '../../shared/errors.js';
import type { RouteDef } from './route.js';

const ErrorResponseSchema = z.object({
  error: z.object({
    code: z.enum(Object.values(ERROR_CODES) as [string, ...string[]]),
    message: z.string(),
    field: z.string().optional(),
    retryAfter: z.number().optional(),
  }),
});

const toSchema = (schema: ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as Record<string, unknown>;

function stripDialect(schema: Record<string, unknown>) {
  const { $schema: _ignored, ...rest } = schema;
  return rest;
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Invalid input',
  401: 'Not signed in or bad credentials',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  422: 'Refused by a moderation rule',
  413: 'Payload too large',
  429: 'Too many requests',
  500: 'Internal error',
};

/** OpenAPI 3.1 from the very schemas the routes validate with. */
export function buildOpenApi(routes: RouteDef[], version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = '/api/v1' + route.path.replace(/:([A-Za-z_]+)/g, '{$1}');
    const parameters: unknown[] = [];
    for (const [where, shape] of [
      ['path', route.params],
      ['query', route.query],
    ] as const) {
      if (!shape) continue;
      for (const [name, field] of Object.entries(shape.shape)) {
        const schema = stripDialect(toSchema(field as ZodType, 'input'));
        parameters.push({ name, in: where, required: where === 'path' || !(field as ZodType).safeParse(undefined).success, schema });
      }
    }
    const responses: Record<string, unknown> = {};
    const ok = route.status ?? 200;
    responses[String(ok)] = route.response
      ? { description: 'Success', content: { 'application/json': { schema: stripDialect(toSchema(route.response, 'output')) } } }
      : { description: 'Success, no body' };
    const errorStatuses = new Set([400, 500, ...(route.auth === 'user' ? [401] : []), ...(route.errors ?? [])]);
    for (const status of [...errorStatuses].sort()) {
      responses[String(status)] = {
        description: STATUS_TEXT[status] ?? 'Error',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      };
    }
    const operation: Record<string, unknown> = {
      summary: route.summary,
      tags: [route.tag],
      operationId: `${route.method}${route.path.replace(/[/:]+(\w)/g, (_m, c: string) => c.toUpperCase())}`,
      parameters,
      responses,
    };
    if (route.auth === 'user') operation.security = [{ bearer: [] }, { cookie: [] }];
    else if (route.auth === 'optional') operation.security = [{}, { bearer: [] }, { cookie: [] }];
    if (route.body) {
      operation.requestBody = {
        required: true,
        content: { 'application/json': { schema: stripDialect(toSchema(route.body, 'input')) } },
      };
    }
    paths[path] ??= {};
    paths[path][route.method] = operation;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Commonplace API',
      version,
      description: 'REST API of a Commonplace server. Live events travel over Socket.IO and documents over /yjs; see docs/protocol.md.',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: { Error: stripDialect(toSchema(ErrorResponseSchema, 'output')) },
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'The `token` returned by login, signup or SSO.' },
        cookie: {
          type: 'apiKey',
          in: 'cookie',
          name: 'cp_session',
          description: 'Writes authenticated by this cookie must send the X-CSRF-Token header.',
        },
      },
    },
  };
}
