import { css } from 'lit';

export const styles = css`
  .badge {
    padding: 0 var(--cp-space-2);
    border: 1px solid var(--cp-color-border);
    border-radius: var(--cp-radius);
    font-size: var(--cp-font-size-sm);
    color: var(--cp-color-text-muted);
  }

  .workspace {
    display: grid;
    gap: var(--cp-space-6);
  }

  @media (min-width: 52rem) {
    .workspace {
      grid-template-columns: 14rem minmax(0, 1fr);
      align-items: start;
    }
  }

  .spaces {
    display: grid;
    gap: var(--cp-space-1);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .spaces__link {
    display: flex;
    justify-content: space-between;
    gap: var(--cp-space-2);
    padding: var(--cp-space-2) var(--cp-space-3);
    border-radius: var(--cp-radius);
    color: var(--cp-color-accent);
    text-decoration: none;
  }

  .spaces__link:hover {
    background: var(--cp-color-surface);
    text-decoration: underline;
  }

  .spaces__link[aria-current='page'] {
    background: var(--cp-color-accent);
    color: var(--cp-color-on-accent);
    font-weight: 600;
  }

  .spaces__role {
    font-size: var(--cp-font-size-sm);
  }

  .intro {
    display: grid;
    gap: var(--cp-space-4);
    max-width: 40rem;
  }

  .intro p {
    margin: 0;
  }

  .intro .panel {
    max-width: 28rem;
  }
`;
