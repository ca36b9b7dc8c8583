import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }

  .embed {
    display: grid;
    gap: var(--cp-space-2);
    padding: var(--cp-space-4);
    border: 1px solid var(--cp-color-border-subtle);
    border-radius: var(--cp-radius);
    background: var(--cp-color-bg);
  }

  .embed__top {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--cp-space-2) var(--cp-space-4);
  }

  .embed__name {
    margin: 0;
    font-size: var(--cp-font-size-lg);
    line-height: 1.3;
    overflow-wrap: anywhere;
  }

  .embed__credit {
    margin: 0;
    font-size: var(--cp-font-size-sm);
    color: var(--cp-color-text-muted);
  }

  .embed__credit a {
    color: var(--cp-color-accent);
  }
`;
