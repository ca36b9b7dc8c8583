import { findListedWord } from '../normalize.js';
import type { Phase } from '../pipeline.js';

export const bannedWords: Phase = ({ text, settings }) => {
  const word = findListedWord(text, settings.bannedWords);
  if (word) return { decision: 'hold', reason: { rule: 'banned-word', message: `Contains the banned word “${word}”.` } };
};
