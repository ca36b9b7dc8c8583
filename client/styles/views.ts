import { css } from 'lit';

/** The fan app's page views: a block host and the small "back" link at the top. */
export const viewPage = css`
  :host {
    display: block;
  }

  .back {
    color: var(--cp-color-accent);
    font-size: var(--cp-font-size-sm);
  }
`;

/** A view's focusable page title (focus moves there on navigation, so no outline). */
export const viewTitle = css`
  h2 {
    margin: var(--cp-space-2) 0 0;
    font-size: var(--cp-font-size-xl);
  }

  h2:focus {
    outline: none;
  }
`;
