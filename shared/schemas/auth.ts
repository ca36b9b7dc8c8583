import { z } from 'zod';
import { LIMITS } from '../limits.js';
import { ROLES } from '../roles.js';
import { IdSchema, IsoDateSchema } from './common.js';

export const EmailSchema = z.email().max(LIMITS.emailMax).transform((e) => e.toLowerCase());
export const DisplayNameSchema = z
  .string()
  .trim()
  .min(1, 'display name is required')
  .max(LIMITS.displayNameMax);

export const SignupBodySchema = z.object({
  email: EmailSchema,
  password: z.string().min(LIMITS.passwordMin, `at least ${LIMITS.passwordMin} characters`).max(LIMITS.passwordMax),
  displayName: DisplayNameSchema,
});
export type SignupBody = z.infer<typeof SignupBodySchema>;

export const LoginBodySchema = z.object({
  email: EmailSchema,
  password: z.string().min(1).max(LIMITS.passwordMax),
});
export type LoginBody = z.infer<typeof LoginBodySchema>;

export const SsoBodySchema = z.object({ token: z.string().min(1).max(8192) });

export const UserSchema = z.object({
  id: IdSchema,
  displayName: z.string(),
  email: z.string().nullable(),
  bio: z.string(),
  interests: z.array(z.string()),
  createdAt: IsoDateSchema,
});
export type User = z.infer<typeof UserSchema>;

export const SpaceRefSchema = z.object({ id: IdSchema, slug: z.string(), name: z.string() });
export type SpaceRef = z.infer<typeof SpaceRefSchema>;

export const MembershipSchema = z.object({ space: SpaceRefSchema, role: z.enum(ROLES) });
export type Membership = z.infer<typeof MembershipSchema>;

export const AuthResponseSchema = z.object({
  user: UserSchema,
  /** Bearer token for API, Socket.IO (`auth.token`) and document (`?token=`) clients. */
  token: z.string(),
  /** Send as `X-CSRF-Token` on cookie-authenticated writes. */
  csrfToken: z.string(),
});
export type AuthResponse = z.infer<typeof AuthResponseSchema>;

export const MeResponseSchema = z.object({
  user: UserSchema,
  memberships: z.array(MembershipSchema),
  /** Present when the request was authenticated by the session cookie. */
  csrfToken: z.string().nullable(),
  /** Set for tokens issued by brand SSO: the token acts in this space only. */
  scopedToSpace: IdSchema.nullable(),
});
export type MeResponse = z.infer<typeof MeResponseSchema>;
