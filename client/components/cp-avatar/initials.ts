/**
 * Up to two letters for a generated avatar: the first letters of the first and last words
 * ("Ana Souza" → "AS", "kenji" → "K"), whole characters (emoji and accents stay intact).
 */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  if (words.length === 0) return '?';
  const first = (word: string) => [...word.replace(/^[^\p{L}\p{N}]+/u, '')][0] ?? '';
  const letters = words.length === 1 ? first(words[0]!) : first(words[0]!) + first(words[words.length - 1]!);
  return letters.toLocaleUpperCase() || '?';
}
