import { z } from 'zod';
import { ID_PATTERN } from '../ids.js';
import { LIMITS } from '../limits.js';

export const IdSchema = z.string().regex(ID_PATTERN, 'must be an id');
export const SlugSchema = z
  .string()
  .min(2)
  .max(LIMITS.slugMax)
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, 'lowercase letters, digits and dashes');
/** Client-made, unique per write; a retry with the same key is stored once. */
export const IdempotencyKeySchema = z
  .string()
  .min(8)
  .max(LIMITS.idempotencyKeyMax)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'letters, digits and _.:-');
export const IsoDateSchema = z.string().describe('ISO 8601 timestamp, UTC');

export const SpaceParamsSchema = z.object({ slug: SlugSchema });
