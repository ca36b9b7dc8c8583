import type { ErrorBody } from '../errors.js';

/** The one acknowledgement shape of every client→server Socket.IO event. */
export type Result<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

export type Ack<T> = (result: Result<T>) => void;
