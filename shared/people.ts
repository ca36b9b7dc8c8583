/** People constants without zod, so the console and the fan app can use them without loading the schema library. */

export const PEOPLE_LIMITS = {
  /** A profile's short bio. */
  bioMax: 500,
  /** Interests on a profile. */
  interestsMax: 10,
  interestMax: 40,
  /** A staff note about a person. */
  noteMax: 4_000,
  /** A spotlight's public thank-you. */
  spotlightMax: 500,
  /** Entries per list on a profile (started, shaped, supported, tables, spotlights, credits). */
  profileListMax: 50,
  /** Last conversations with staff on a fan card. */
  conversationsMax: 20,
  /** Moderation items on a fan card. */
  moderationMax: 50,
  /** People per page of the staff directory. */
  directoryPageMax: 50,
} as const;

export const PROMISE_STATUSES = ['open', 'done'] as const;
export type PromiseStatus = (typeof PROMISE_STATUSES)[number];

/** What `POST /me/forget` needs in `confirm`, typed by the person. */
export const FORGET_CONFIRMATION = 'forget me';

/** The stream event a spotlight appends to `space:<spaceId>`. */
export const SPOTLIGHT_EVENT = 'person:spotlighted';
