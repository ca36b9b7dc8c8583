import { css } from 'lit';

/**
 * Declaration sets for lists without bullets or indent, to interpolate inside a component's
 * own rule so it keeps its selectors: `.chips { ${wrapList} }`.
 */

/** A wrapping row of small items (chips, tags, stats). */
export const wrapList = css`
  display: flex;
  flex-wrap: wrap;
  gap: var(--cp-space-2);
  margin: 0;
  padding: 0;
  list-style: none;
`;

/** A vertical stack of cards. */
export const stackList = css`
  display: grid;
  gap: var(--cp-space-3);
  margin: 0;
  padding: 0;
  list-style: none;
`;
