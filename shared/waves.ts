/** Wave constants without zod, so the fan app can use them without loading the schema library. */

export const WAVE_STATUSES = ['open', 'under-review', 'planned', 'in-progress', 'shipped', 'declined', 'merged'] as const;
export type WaveStatus = (typeof WAVE_STATUSES)[number];
/** Statuses staff set with a reason; `merged` only comes from merging. */
export const SETTABLE_STATUSES = ['open', 'under-review', 'planned', 'in-progress', 'shipped', 'declined'] as const;

/** The fixed reaction set; clients map names to glyphs. */
export const REACTIONS = ['thumbs-up', 'heart', 'party', 'idea', 'thinking', 'eyes'] as const;
export type Reaction = (typeof REACTIONS)[number];

export const WAVE_LIMITS = {
  titleMin: 3,
  titleMax: 140,
  tagsMax: 5,
  tagMax: 30,
  draftMax: 20_000,
  blipMax: 10_000,
  reasonMax: 2_000,
  anchorQuoteMax: 200,
  pageMax: 50,
  blipPageMax: 500,
  /** Live drafts are relayed at most this often per person (the client throttles too). */
  draftsPerSecond: 4,
  searchMax: 50,
  playbackMarks: 500,
} as const;

export const WAVE_SORTS = ['hot', 'new', 'top'] as const;
