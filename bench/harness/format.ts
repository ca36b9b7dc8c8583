/** How the scenarios' progress lines and notes write numbers. */

export const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
export const round2 = (x: number) => Math.round(x * 100) / 100;
/** A share as a percentage; 99.95–99.99 % keeps two decimals so it never reads as 100.0 %. */
export const pct = (share: number) => `${(100 * share).toFixed(share >= 0.9995 && share < 1 ? 2 : 1)}%`;
export const fmtMs = (v: number) => (Number.isNaN(v) ? 'n/a' : v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(v < 10 ? 2 : 1)} ms`);
