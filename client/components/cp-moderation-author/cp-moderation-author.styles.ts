import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }

  .author {
    display: grid;
    gap: var(--cp-space-2);
    padding: var(--cp-space-3);
    border: 1px solid var(--cp-color-border-subtle);
    border-radius: var(--cp-radius);
    background: var(--cp-color-bg);
    font-size: var(--cp-font-size-sm);
  }

  .author__name {
    margin: 0;
    font-size: var(--cp-font-size-md);
    font-weight: 600;
    overflow-wrap: anywhere;
  }

  .author__facts {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--cp-space-2);
    margin: 0;
    padding: 0;
    list-style: none;
    color: var(--cp-color-text-muted);
  }

  .author__facts li {
    white-space: nowrap;
  }

  .author__facts li:not(:last-child)::after {
    content: '·';
    margin-left: var(--cp-space-2);
  }

  .author__state {
    justify-self: start;
    padding: 0 var(--cp-space-2);
    border-radius: var(--cp-radius);
    background: var(--cp-color-danger-bg);
    color: var(--cp-color-danger);
    font-weight: 600;
  }

  .author__actions {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: var(--cp-space-1) var(--cp-space-3);
  }

  .link-button {
    font-size: var(--cp-font-size-sm);
    text-align: left;
  }
`;
