import { css } from 'lit';

export const styles = css`
  dialog {
    width: min(60rem, calc(100vw - 1.5rem));
    max-height: calc(100vh - 2rem);
    padding: 0;
    border: 0;
    border-radius: 0.75rem;
    box-shadow: 0 24px 48px rgb(16 24 40 / 0.25);
    color: var(--cp-color-text);
  }
  dialog::backdrop {
    background: rgb(16 24 40 / 0.55);
  }
  .frame {
    display: grid;
    gap: var(--cp-space-4);
    padding: var(--cp-space-4) var(--cp-space-6) var(--cp-space-6);
  }
  .top {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--cp-space-3);
  }
  h2 {
    margin: 0;
    font-size: var(--cp-font-size-lg);
  }
  .controls {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    align-items: center;
    gap: var(--cp-space-3);
  }
  input[type='range'] {
    width: 100%;
    accent-color: var(--cp-color-accent);
  }
  .where {
    grid-column: 1 / -1;
    margin: 0;
    color: var(--cp-color-text-muted);
    font-size: var(--cp-font-size-sm);
  }
  .paper {
    border: 1px solid var(--cp-color-border-subtle);
    border-radius: 0.75rem;
    background: #fdfdfc;
  }
  .doc {
    min-height: 6rem;
  }
  h3 {
    margin: 0;
    font-size: 1rem;
  }
  @media (max-width: 30rem) {
    .frame {
      padding: var(--cp-space-3);
    }
  }
`;
