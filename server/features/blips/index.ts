import type { Feature, FeatureContext } from '../feature.js';

/** Blips: the threaded conversation on a wave, reactions, mentions, live drafts and playback. */
export function blipsFeature(_ctx: FeatureContext): Feature {
  return { routes: [] };
}
