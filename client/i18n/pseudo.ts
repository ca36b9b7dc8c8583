const ACCENTS: Record<string, string> = {
  a: 'á', b: 'ƀ', c: 'ç', d: 'ð', e: 'é', f: 'ƒ', g: 'ĝ', h: 'ĥ', i: 'í', j: 'ĵ', k: 'ķ', l: 'ļ', m: 'ɱ',
  n: 'ñ', o: 'ó', p: 'þ', r: 'ŕ', s: 'š', t: 'ţ', u: 'ú', w: 'ŵ', y: 'ý', z: 'ž',
  A: 'Á', C: 'Ç', D: 'Ð', E: 'É', G: 'Ĝ', I: 'Í', L: 'Ļ', N: 'Ñ', O: 'Ó', S: 'Š', U: 'Ú', Y: 'Ý', Z: 'Ž',
};

/**
 * The pseudo-locale (`en-XA`): every literal part of every message accented, so text that
 * skips the catalog stands out as plain English, and text still reads. Arguments (names,
 * titles) are left as they are.
 */
export function pseudo(text: string): string {
  return text.replace(/[A-Za-z]/g, (ch) => ACCENTS[ch] ?? ch);
}
