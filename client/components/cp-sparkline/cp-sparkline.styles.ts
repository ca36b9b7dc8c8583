import { css } from 'lit';

export const styles = css`
  :host {
    display: inline-block;
    line-height: 0;
    color: var(--cp-color-accent);
  }

  svg[data-quiet] {
    color: var(--cp-color-text-muted);
    opacity: 0.6;
  }
`;
