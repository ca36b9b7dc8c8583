import type { Scenario } from '../harness/types.js';
import { docLoad } from './doc-load.js';
import { moderation } from './moderation.js';

/** Every scenario `npm run bench` knows, in the order it runs them. */
export const SCENARIOS: readonly Scenario[] = [docLoad, moderation];
