import { findListedWord } from '../normalize.js';
import type { Phase } from '../pipeline.js';

export const watchedWords: Phase = ({ text, settings }) => {
  const word = findListedWord(text, settings.watchedWords);
  if (word) return { flag: { rule: 'watched-word', message: `Mentions the watched word “${word}”.` } };
};
