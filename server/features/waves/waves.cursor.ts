import { AppError } from '../../http/errors.js';
import { ERROR_CODES } from '../../../shared/errors.js';

export type WaveSort = 'hot' | 'new' | 'top';

/** Where a page ended: the last row's sort value and id. Opaque to clients (base64url JSON). */
export interface WaveCursor {
  sort: WaveSort;
  value: number | string;
  id: string;
}

export function encodeCursor(cursor: WaveCursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.value, cursor.id])).toString('base64url');
}

const badCursor = () => new AppError(ERROR_CODES.INVALID_INPUT, 'cursor: not a cursor from this list', { field: 'cursor' });

/** A cursor must come from a page of the same sort; anything else is a 400. */
export function decodeCursor(raw: string, sort: WaveSort): WaveCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) throw badCursor();
  const [cursorSort, value, id] = parsed as unknown[];
  if (cursorSort !== sort || typeof id !== 'string') throw badCursor();
  const valueOk = sort === 'new' ? typeof value === 'string' : typeof value === 'number' && Number.isFinite(value);
  if (!valueOk) throw badCursor();
  return { sort, value: value as number | string, id };
}
