import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  ol {
    display: grid;
    gap: var(--cp-space-3);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  li {
    display: grid;
    grid-template-columns: 1.75rem minmax(0, 1fr);
    gap: 0 var(--cp-space-2);
    align-items: center;
  }
  .avatar {
    display: grid;
    place-items: center;
    grid-row: span 2;
    width: 1.75rem;
    height: 1.75rem;
    border-radius: 50%;
    color: #fff;
    font-size: 0.75rem;
    font-weight: 700;
  }
  .name {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .share {
    display: grid;
    gap: 0.25rem;
    color: var(--cp-color-text-muted);
    font-size: 0.8125rem;
  }
  .bar {
    height: 0.3rem;
    border-radius: 999px;
    background: var(--cp-color-surface);
    overflow: hidden;
  }
  .bar span {
    display: block;
    height: 100%;
    border-radius: 999px;
  }
`;
