import type { RequestHandler } from 'express';
import { ERROR_CODES } from '../../shared/errors.js';
import { AppError } from './errors.js';
import type { OriginPolicy } from './origins.js';

/**
 * CORS for widget origins, without credentials: widgets authenticate with bearer
 * tokens kept in memory, never with third-party cookies.
 */
export function corsMiddleware(origins: OriginPolicy): RequestHandler {
  return (req, res, next) => {
    const origin = req.headers.origin;
    if (!origin || origins.isSameOrigin(origin, req.headers.host)) return next();
    if (!origins.isWidgetOrigin(origin)) {
      throw new AppError(ERROR_CODES.ORIGIN_NOT_ALLOWED, `Origin ${origin} is not allowed to use this server`);
    }
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Vary', 'Origin');
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Methods', 'GET,POST,PUT,PATCH,DELETE');
      res.setHeader('Access-Control-Allow-Headers', 'Authorization,Content-Type,Idempotency-Key');
      res.setHeader('Access-Control-Max-Age', '600');
      res.status(204).end();
      return;
    }
    next();
  };
}
