import type { ModerationContext, Phase } from '../pipeline.js';

/**
 * An external classifier a space can plug in (a spam or toxicity service). None ships:
 * the pipeline runs without one. A score at or above `holdAt` holds the post; a failing
 * scorer never blocks posting.
 */
export interface Scorer {
  name: string;
  holdAt: number;
  score(ctx: ModerationContext): Promise<{ score: number; label: string }>;
}

export function scorerPhase(scorer: Scorer, onError: (err: unknown) => void): Phase {
  return async (ctx) => {
    try {
      const { score, label } = await scorer.score(ctx);
      if (score >= scorer.holdAt) {
        return { decision: 'hold', reason: { rule: `scorer:${scorer.name}`, message: `${scorer.name}: ${label} (${score.toFixed(2)})` } };
      }
    } catch (err) {
      onError(err);
    }
  };
}
