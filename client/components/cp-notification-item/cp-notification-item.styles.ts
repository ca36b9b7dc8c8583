import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  .item {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr) auto;
    gap: var(--cp-space-3);
    align-items: start;
    padding: var(--cp-space-3) var(--cp-space-4);
    border: 1px solid var(--cp-color-border-subtle);
    border-radius: var(--cp-radius);
    background: var(--cp-color-bg);
  }
  .item[data-unread] {
    border-left: 4px solid var(--cp-color-accent);
    background: #f0f5ff;
  }
  .system {
    display: grid;
    place-items: center;
    width: 2rem;
    height: 2rem;
    border-radius: 50%;
    background: var(--cp-color-text-muted);
    color: #ffffff;
  }
  .main {
    display: grid;
    gap: var(--cp-space-1);
    min-width: 0;
  }
  p {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .headline {
    display: flex;
    align-items: baseline;
    gap: var(--cp-space-2);
  }
  .headline a {
    color: var(--cp-color-text);
    font-weight: 600;
    text-decoration: underline;
    text-decoration-color: var(--cp-color-border);
    text-underline-offset: 0.2em;
  }
  .item:not([data-unread]) .headline a {
    font-weight: 400;
  }
  .headline a:hover {
    color: var(--cp-color-accent-hover);
    text-decoration-color: currentColor;
  }
  .dot {
    flex: none;
    width: 0.625rem;
    height: 0.625rem;
    border-radius: 50%;
    background: var(--cp-color-accent);
    transform: translateY(-0.05em);
  }
  .excerpt,
  .reason {
    color: var(--cp-color-text);
  }
  .reason__label {
    font-weight: 600;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--cp-space-3);
    color: var(--cp-color-text-muted);
    font-size: var(--cp-font-size-sm);
  }
  .state {
    color: var(--cp-color-accent-hover);
    font-weight: 600;
  }
  .mark {
    min-height: 2.25rem;
    padding: var(--cp-space-1) var(--cp-space-3);
    font-size: var(--cp-font-size-sm);
    white-space: nowrap;
  }
  @media (max-width: 30rem) {
    .item {
      grid-template-columns: auto minmax(0, 1fr);
    }
    .mark {
      grid-column: 2;
      justify-self: start;
    }
  }
`;
