const URL_PATTERN = /\bhttps?:\/\/[^\s<>"')\]]+|\bwww\.[^\s<>"')\]]+/gi;

export interface FoundLink {
  url: string;
  host: string;
}

/** Links written in a text (http(s) URLs and bare www. addresses). */
export function findLinks(text: string): FoundLink[] {
  return [...text.matchAll(URL_PATTERN)].flatMap(([raw]) => {
    try {
      const url = new URL(raw.startsWith('http') ? raw : `http://${raw}`);
      return [{ url: url.href, host: url.hostname.toLowerCase() }];
    } catch {
      return [];
    }
  });
}

/** True when `host` is `site` or one of its subdomains. */
export function hostMatches(host: string, site: string): boolean {
  return host === site || host.endsWith(`.${site}`);
}

/** The share of the text's characters that are links. */
export function linkShare(text: string): number {
  const trimmed = text.trim();
  if (!trimmed) return 0;
  const linked = [...trimmed.matchAll(URL_PATTERN)].reduce((sum, [m]) => sum + m.length, 0);
  return linked / trimmed.length;
}
