import type { ContentKind, Phase } from '../pipeline.js';

/** The longest text each kind may hold; the schemas at the edge enforce the same numbers. */
export const MAX_LENGTH: Record<ContentKind, number> = {
  wave: 20_000,
  blip: 10_000,
  'table-message': 2_000,
  bio: 500,
  'display-name': 60,
};

export const length: Phase = ({ kind, text }) => {
  if (text.trim() === '') return { decision: 'reject', reason: { rule: 'empty', message: 'There is nothing to post.' } };
  if (text.length > MAX_LENGTH[kind]) {
    return {
      decision: 'reject',
      reason: { rule: 'too-long', message: `This is ${text.length} characters; the most is ${MAX_LENGTH[kind]}.` },
    };
  }
};
