import type { Feature, FeatureContext } from '../feature.js';

/** Waves: ideas with a co-edited document, support, status with reasons, merge, lock, search. */
export function wavesFeature(_ctx: FeatureContext): Feature {
  return { routes: [] };
}
