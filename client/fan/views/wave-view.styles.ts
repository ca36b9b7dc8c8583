import { css } from 'lit';

export const styles = css`
  .page {
    display: grid;
    gap: var(--cp-space-6);
  }
  .wave-head {
    display: grid;
    gap: var(--cp-space-3);
  }
  .badges {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--cp-space-2);
  }
  .locked {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
    padding: 0.125rem 0.625rem;
    border-radius: 999px;
    background: #fffaeb;
    color: #7a2e0e;
    font-size: var(--cp-font-size-sm);
    font-weight: 600;
  }
  h2 {
    margin: 0;
    font-size: clamp(1.5rem, 1.2rem + 1.2vw, 2.1rem);
    line-height: 1.2;
    overflow-wrap: anywhere;
  }
  h2:focus {
    outline: none;
  }
  .meta {
    margin: 0;
    color: var(--cp-color-text-muted);
    font-size: var(--cp-font-size-sm);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--cp-space-3);
  }
  .support {
    min-width: 8rem;
  }
  .support[aria-pressed='true'] {
    border-color: var(--cp-color-success);
    background: var(--cp-color-success);
  }
  .support[aria-pressed='true']:hover {
    border-color: #0f5223;
    background: #0f5223;
  }
  .count {
    font-weight: 600;
  }
  .icon {
    width: 1.125rem;
    height: 1.125rem;
  }
  .notice-merged {
    margin: 0;
  }
  .official {
    display: grid;
    gap: var(--cp-space-2);
  }
  .layout {
    display: grid;
    gap: var(--cp-space-8);
  }
  .primary,
  .secondary {
    display: grid;
    gap: var(--cp-space-8);
    align-content: start;
    min-width: 0;
  }
  .secondary {
    gap: var(--cp-space-4);
  }
  section {
    display: grid;
    gap: var(--cp-space-3);
    align-content: start;
  }
  h3 {
    margin: 0;
    font-size: var(--cp-font-size-lg);
  }
  .section-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--cp-space-2) var(--cp-space-4);
  }
  .card {
    padding: var(--cp-space-4);
    border: 1px solid var(--cp-color-border-subtle);
    border-radius: 0.75rem;
    background: var(--cp-color-bg);
  }
  .made-with {
    border-color: var(--cp-color-success);
    background: var(--cp-color-success-bg);
  }
  .made-with p {
    margin: 0;
  }
  .made-with__name {
    font-weight: 600;
  }
  .card h3 {
    margin-bottom: var(--cp-space-1);
    font-size: 1rem;
  }
  .staff {
    border-color: #d6bbfb;
    background: #fcfaff;
  }
  .composer-card {
    padding: var(--cp-space-4);
    border: 1px solid var(--cp-color-border-subtle);
    border-radius: 0.75rem;
    background: var(--cp-color-surface);
  }
  .sign-in-note {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--cp-space-3);
    margin: 0;
  }
  .more {
    display: flex;
    justify-content: center;
  }
  @media (min-width: 60rem) {
    .layout {
      grid-template-columns: minmax(0, 1fr) 18rem;
      align-items: start;
    }
  }
`;
