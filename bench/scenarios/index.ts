import type { Scenario } from '../harness/types.js';
import { docLoad } from './doc-load.js';

/** Every scenario `npm run bench` knows, in the order it runs them. */
export const SCENARIOS: readonly Scenario[] = [docLoad];
