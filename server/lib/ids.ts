import { randomBytes } from 'node:crypto';

/** 16 url-safe characters, 96 random bits: unguessable, short enough for URLs. */
export function newId(): string {
  return randomBytes(12).toString('base64url');
}

/** 256-bit secret for session and bearer tokens. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}
