/**
 * The cafe's limits without zod (the fan app does not load the schema library):
 * the same numbers as `CAFE_LIMITS` in shared/schemas/cafe.ts (a test keeps them equal).
 */
export const CAFE_UI_LIMITS = {
  topicMin: 3,
  topicMax: 120,
  tagsMax: 5,
  tagMax: 30,
  messageMax: 2000,
  questionMax: 280,
  /** OpenTable accepts 2–50; the space's maxTableCapacity may clamp it lower. */
  capacityMin: 2,
  capacityMax: 50,
} as const;
