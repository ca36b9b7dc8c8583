import { createHash } from 'node:crypto';
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', '$': 's', '!': 'i', '|': 'l' };

/**
 * Folds text to the form word rules match against: lower case, accents removed, l33t digits
 * and symbols read as letters, and runs of single letters (`s p a c i n g`, `s.p.a.m`) joined.
 */
export function normalizeForMatching(text: string): string {
  return matchingWords(text)
    .map((w) => w.word)
    .join(' ');
}

interface MatchingWord {
  word: string;
  /** Joined from single letters: `a s c a m` may hide `scam` after a real `a`. */
  spelledOut: boolean;
}

function matchingWords(text: string): MatchingWord[] {
  const folded = text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
  const tokens = folded
    .split(/\s+/)
    .map(unleet)
    .flatMap((chunk) => chunk.split(/[^\p{L}\p{N}]+/u))
    .filter(Boolean);
  const words: MatchingWord[] = [];
  let run = '';
  const flush = () => {
    if (run) words.push({ word: run, spelledOut: run.length > 1 });
    run = '';
  };
  for (const token of tokens) {
    if (token.length === 1) {
      run += token;
      continue;
    }
    flush();
    words.push({ word: token, spelledOut: false });
  }
  flush();
  return words;
}

/** Reads symbols as letters only inside a word that has letters: `sp4m` → `spam`, but `2010` and `great!` stay. */
function unleet(chunk: string): string {
  const word = chunk.replace(/^[("'“‘]+|[.,!?;:)"'”’]+$/g, '');
  return /\p{L}/u.test(word) ? word.replace(/[0134579@$!|]/g, (c) => LEET[c] ?? c) : word;
}

/** Text compared for double posts: case, spacing and punctuation do not make a post new. */
export function normalizeForDuplicates(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A short key of the normalized text: the same for two texts `normalizeForDuplicates` makes equal. */
export function duplicateKey(text: string): string {
  return createHash('sha256').update(normalizeForDuplicates(text)).digest('base64url').slice(0, 22);
}

/** The first listed word or phrase found on word boundaries of the normalized text, or null. */
export function findListedWord(text: string, list: readonly string[]): string | null {
  if (list.length === 0) return null;
  const words = matchingWords(text);
  const haystack = ` ${words.map((w) => w.word).join(' ')} `;
  const spelledOut = words.filter((w) => w.spelledOut).map((w) => w.word);
  for (const entry of list) {
    const needle = normalizeForMatching(entry);
    if (!needle) continue;
    if (haystack.includes(` ${needle} `)) return entry;
    if (!needle.includes(' ') && spelledOut.some((w) => w.includes(needle))) return entry;
  }
  return null;
}
